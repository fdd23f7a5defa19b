/**
 * `notebook serve`: a preview server for a folder of notebooks. It runs the notebooks' code, so it
 * answers only its own user (engine/http/guard.ts): it listens on 127.0.0.1, refuses requests
 * addressed to another host name or sent by another site's page, and starts a run only on a POST
 * carrying its token. A GET runs nothing and changes nothing.
 *
 *   GET  /                 the notebooks of the folder, with their titles
 *   GET  /nb/NAME.md?k=v   the page of NAME's latest run with these parameters, if nothing changed since
 *                          it started; else a page that asks for a run and then reloads
 *   POST /nb/NAME.md?k=v   runs NAME now (query parameters override its params) and keeps its page
 *   GET  /events?nb=NAME   server-sent events: `reload` when NAME, another file of the folder, or the
 *                          dataset changes (fs.watch, debounced), so the open page asks for a new run.
 *
 * Every run has a worker thread of its own and a time limit (worker-run.ts): a cell that loops or
 * waits forever is stopped and shown as such, and holds up no other request and no other notebook.
 * Once a notebook is asked for, a thread is kept loaded and waiting (a new one after each run), so
 * a run seldom waits for the runtime to load. A change cancels the runs it makes stale; closing the server stops every run.
 */
import { watch, readdirSync, existsSync, statSync, type FSWatcher } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, join, relative, resolve } from "node:path";
import { html, htmlPage, ParkscoreError, isSafeMethod, localGuard, LOOPBACK, type Html, type LocalGuard } from "../../engine/index.js";
import { liveReloadJs, PAGE_CSS, runNowJs } from "./assets.js";
import { readNotebook } from "./parse.js";
import type { LiveReload, NotebookRun } from "./types.js";
import type { Worker } from "node:worker_threads";
import { DEFAULT_TIMEOUT_MS, RunCancelled, runNotebookInWorker, runThread } from "./worker-run.js";

export interface ServeOptions {
  /** The folder of notebooks (*.md). */
  dir: string;
  data?: string;
  /** 0 picks a free port. */
  port?: number;
  timings?: boolean;
  /** The time limit of each run (ms). */
  timeoutMs?: number;
  /** Quiet period after a change before pages are told to reload (ms). */
  debounceMs?: number;
  /** Called after each run (for the terminal). */
  onRun?: (name: string, run: NotebookRun | Error) => void;
}

export interface NotebookServer {
  url: string;
  port: number;
  /** Stops every run, ends every connection, and stops listening. */
  close(): Promise<void>;
}

/** The pages kept (the latest run of each notebook and parameters): enough for a few open tabs. */
const KEPT_PAGES = 16;

interface Client {
  res: ServerResponse;
  /** The notebook the page shows (undefined for the index). */
  nb?: string;
}

interface Kept {
  version: string;
  status: number;
  html: string;
}

interface Job {
  name: string;
  version: string;
  controller: AbortController;
  /** The status and one-line answer of the POST. */
  done: Promise<{ status: number; line: string }>;
}

function listNotebooks(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".md") && statSync(join(dir, f)).isFile())
    .sort();
}

/** The server's own pages (the index, a run's placeholder, an error) in the notebook pages' shell and style. */
function page(title: string, body: Html, script: string): string {
  return htmlPage({ lang: "en", title, css: PAGE_CSS, body: html`<div class="ps-layout"><div></div><main>${body}</main></div>`, scripts: [script] });
}

export async function startServer(opts: ServeOptions): Promise<NotebookServer> {
  const dir = resolve(opts.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ParkscoreError({ code: "notebook.no-folder", file: opts.dir, message: "no such folder of notebooks", fix: "give the folder holding the .md notebooks, e.g. notebooks" });
  }
  if (opts.data !== undefined && !(existsSync(opts.data) && statSync(opts.data).isDirectory())) {
    throw new ParkscoreError({ code: "notebook.no-data", file: opts.data, message: "no such dataset folder", fix: "give the dataset folder with --data, e.g. datasets/demo" });
  }
  const clients = new Set<Client>();
  const kept = new Map<string, Kept>();
  const jobs = new Map<string, Job>();
  let guard: LocalGuard | undefined;
  let spare: Worker | undefined;
  let stopping = false;
  // threadId is -1 once a thread has stopped.
  const warm = () => {
    if (!stopping && (!spare || spare.threadId < 0)) spare = runThread();
  };
  const takeThread = (): Worker => {
    const thread = spare && spare.threadId >= 0 ? spare : runThread();
    spare = undefined;
    return thread;
  };

  // A page is current while nothing it depends on changed since its run started.
  let changes = 0;
  const nbChanges = new Map<string, number>();
  const version = (name: string) => `${changes}.${nbChanges.get(name) ?? 0}`;

  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
    res.end(body);
  };
  const sendHtml = (res: ServerResponse, status: number, html: string) => send(res, status, "text/html; charset=utf-8", html);

  const index = (res: ServerResponse) => {
    const items = listNotebooks(dir).map((f) => {
      let title = f;
      try {
        title = readNotebook(join(dir, f)).title;
      } catch (e) {
        title = `${f} — ${e instanceof Error ? e.message : String(e)}`;
      }
      return html`<li><a href="/nb/${encodeURIComponent(f)}">${title}</a> <code>${f}</code></li>`;
    });
    const body = html`<h1>Notebooks</h1><p>${basename(dir)}${opts.data ? html` on dataset <code>${opts.data}</code>` : ""}; pages re-run when a notebook or the dataset changes.</p><ul>${items.length ? items : html`<li>no notebooks (*.md) here yet</li>`}</ul>`;
    sendHtml(res, 200, page("Notebooks", body, liveReloadJs("/events")));
  };

  const keep = (key: string, entry: Kept) => {
    kept.delete(key);
    kept.set(key, entry);
    if (kept.size > KEPT_PAGES) kept.delete(kept.keys().next().value!);
  };

  /** Runs the notebook in its own thread; its page (or the error's) is kept under `key`. */
  const startJob = (key: string, name: string, query: URLSearchParams, live: LiveReload): Job => {
    const controller = new AbortController();
    const v = version(name);
    const done = runNotebookInWorker(join(dir, name), {
      data: opts.data,
      params: Object.fromEntries(query.entries()),
      timings: opts.timings ?? true,
      liveReload: live,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      signal: controller.signal,
      thread: takeThread(),
    }).then(
      (run) => {
        opts.onRun?.(name, run);
        keep(key, { version: v, status: 200, html: run.html });
        return { status: 200, line: run.failed ? `cell ${run.failed.cell.index + 1} failed: ${run.failed.error?.name}` : "ok" };
      },
      (e: unknown) => {
        if (e instanceof RunCancelled) return { status: 409, line: "cancelled: the notebook or the dataset changed, or the server is stopping" };
        const err = e instanceof Error ? e : new Error(String(e));
        opts.onRun?.(name, err);
        const status = e instanceof ParkscoreError ? 400 : 500;
        const body = html`<h1>${name}</h1><div class="ps-error" role="alert"><pre class="ps-text">${err.message}</pre></div><p>Fix the notebook and save: this page runs it again. <a href="/">all notebooks</a></p>`;
        keep(key, { version: v, status, html: page(name, body, liveReloadJs(live.events, live.token)) });
        return { status, line: err.message.split("\n")[0] };
      },
    );
    const job: Job = { name, version: v, controller, done };
    void done.finally(() => {
      if (jobs.get(key) === job) jobs.delete(key);
      warm(); // for the next run, now that this one no longer needs the processor
    });
    return job;
  };

  const notebook = async (name: string, url: URL, req: IncomingMessage, res: ServerResponse) => {
    if (!/^[^/\\]+\.md$/i.test(name) || !listNotebooks(dir).includes(name)) {
      sendHtml(res, 404, page("Not found", html`<h1>No notebook ${name}</h1><p><a href="/">all notebooks</a></p>`, liveReloadJs("/events")));
      return;
    }
    const key = name + url.search;
    const live = { events: `/events?nb=${encodeURIComponent(name)}`, token: guard!.token };
    if (isSafeMethod(req.method)) {
      const k = kept.get(key);
      if (k && k.version === version(name)) return sendHtml(res, k.status, k.html);
      let title = name;
      try {
        title = readNotebook(join(dir, name)).title;
      } catch {
        // the run reports it
      }
      warm(); // the page asks for a run at once
      return sendHtml(res, 200, page(title, html`<h1>${title}</h1><p class="ps-notrun">running ${name}…</p>`, runNowJs(live.token)));
    }
    let job = jobs.get(key);
    if (!job || job.version !== version(name)) {
      job?.controller.abort();
      job = startJob(key, name, url.searchParams, live);
      jobs.set(key, job);
    }
    const { status, line } = await job.done;
    send(res, status, "text/plain; charset=utf-8", `${name}: ${line}\n`);
  };

  const events = (query: URLSearchParams, req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": connected\n\n");
    const client: Client = { res, nb: query.get("nb") ?? undefined };
    clients.add(client);
    req.on("close", () => clients.delete(client));
  };

  const server = createServer((req, res) => {
    const refusal = guard ? guard.refusal(req) : "refused: the server is starting";
    if (refusal) return send(res, 403, "text/plain; charset=utf-8", `${refusal}\n`);
    const url = new URL(req.url ?? "/", `http://${LOOPBACK}`);
    const nb = url.pathname.startsWith("/nb/");
    if (!isSafeMethod(req.method) && !(nb && req.method === "POST")) return send(res, 405, "text/plain; charset=utf-8", "only GET, and POST to /nb/NAME.md to run a notebook\n");
    if (nb) {
      // A request the server cannot answer is answered as such, never left to end the server.
      const fail = (e: unknown) => send(res, 500, "text/plain; charset=utf-8", `${e instanceof Error ? e.message : String(e)}\n`);
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice(4));
      } catch {
        return send(res, 404, "text/plain; charset=utf-8", "not found: the address is not valid percent-encoding\n");
      }
      return void notebook(name, url, req, res).catch(fail);
    }
    if (url.pathname === "/") return index(res);
    if (url.pathname === "/events") return events(url.searchParams, req, res);
    if (url.pathname === "/favicon.ico") return send(res, 204, "text/plain", "");
    send(res, 404, "text/plain; charset=utf-8", "not found\n");
  });

  // Changes: a notebook file concerns its own pages (and the index); anything else (helpers, dataset) all.
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const flush = () => {
    timer = undefined;
    const names = [...changed];
    changed.clear();
    const all = names.some((n) => n === "*");
    for (const c of clients) {
      if (all || c.nb === undefined || names.includes(c.nb)) c.res.write(`event: reload\ndata: ${JSON.stringify(names)}\n\n`);
    }
  };
  const note = (name: string) => {
    if (name === "*") changes++;
    else nbChanges.set(name, (nbChanges.get(name) ?? 0) + 1);
    for (const job of jobs.values()) if (name === "*" || job.name === name) job.controller.abort();
    changed.add(name);
    clearTimeout(timer);
    timer = setTimeout(flush, opts.debounceMs ?? 150);
  };
  await new Promise<void>((ok, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      fail(e.code === "EADDRINUSE" ? new ParkscoreError({ code: "notebook.port", message: `port ${opts.port} is already in use`, fix: "choose another with --port, or 0 for any free port" }) : e),
    );
    server.listen(opts.port ?? 4321, LOOPBACK, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  guard = localGuard(port);
  const watchers: FSWatcher[] = [];
  watchers.push(watch(dir, { recursive: true }, (_e, f) => note(f && /^[^/\\]+\.md$/i.test(f.toString()) ? f.toString() : "*")));
  if (opts.data) {
    const data = resolve(opts.data);
    watchers.push(watch(data, { recursive: true }, (_e, f) => (f && relative(data, join(data, f.toString())).startsWith(".lock") ? undefined : note("*"))));
  }
  const heartbeat = setInterval(() => {
    for (const c of clients) c.res.write(": ping\n\n");
  }, 15_000);
  heartbeat.unref();

  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    close: async () => {
      stopping = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      for (const w of watchers) w.close();
      const running = [...jobs.values()];
      for (const job of running) job.controller.abort();
      await Promise.all([...running.map((job) => job.done), spare?.terminate()]);
      for (const c of clients) c.res.end();
      clients.clear();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
    },
  };
}
