/**
 * `notebook serve`: a preview server for a folder of notebooks, on 127.0.0.1 only (it runs the
 * notebooks' code, so it must not be reachable from the network).
 *
 *   GET /                 the notebooks of the folder, with their titles
 *   GET /nb/NAME.md?k=v   NAME run now (query parameters override its params), as a page that listens to
 *   GET /events?nb=NAME   server-sent events: `reload` when NAME, another file of the folder, or the
 *                         dataset changes (fs.watch, debounced), so the open page re-runs and re-renders.
 *
 * Runs are queued one at a time: cells share process-wide state (Plot's counters, the stack limit).
 */
import { watch, readdirSync, existsSync, statSync, type FSWatcher } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, join, relative, resolve } from "node:path";
import { escapeHtml } from "../../engine/charts/escape.js";
import { ParkscoreError } from "../../engine/errors.js";
import { liveReloadJs, PAGE_CSS } from "./assets.js";
import { readNotebook } from "./parse.js";
import { runNotebook, type NotebookRun } from "./run.js";

export interface ServeOptions {
  /** The folder of notebooks (*.md). */
  dir: string;
  data?: string;
  /** 0 picks a free port. */
  port?: number;
  timings?: boolean;
  /** Quiet period after a change before pages are told to reload (ms). */
  debounceMs?: number;
  /** Called after each run (for the terminal). */
  onRun?: (name: string, run: NotebookRun | Error) => void;
}

export interface NotebookServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const HOST = "127.0.0.1";

interface Client {
  res: ServerResponse;
  /** The notebook the page shows (undefined for the index). */
  nb?: string;
}

function listNotebooks(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".md") && statSync(join(dir, f)).isFile())
    .sort();
}

function page(title: string, body: string, eventsUrl: string): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${PAGE_CSS}</style>\n</head>\n<body>\n<div class="ps-layout"><div></div><main>${body}</main></div>\n<script>${liveReloadJs(eventsUrl)}</script>\n</body>\n</html>\n`;
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
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const p = queue.then(job, job);
    queue = p.catch(() => undefined);
    return p;
  };

  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    res.end(body);
  };

  const index = (res: ServerResponse) => {
    const items = listNotebooks(dir).map((f) => {
      let title = f;
      try {
        title = readNotebook(join(dir, f)).title;
      } catch (e) {
        title = `${f} — ${e instanceof Error ? e.message : String(e)}`;
      }
      return `<li><a href="/nb/${encodeURIComponent(f)}">${escapeHtml(title)}</a> <code>${escapeHtml(f)}</code></li>`;
    });
    const body = `<h1>Notebooks</h1><p>${escapeHtml(basename(dir))}${opts.data ? ` on dataset <code>${escapeHtml(opts.data)}</code>` : ""}; pages re-run when a notebook or the dataset changes.</p><ul>${items.join("") || "<li>no notebooks (*.md) here yet</li>"}</ul>`;
    send(res, 200, "text/html; charset=utf-8", page("Notebooks", body, "/events"));
  };

  const notebook = async (name: string, query: URLSearchParams, res: ServerResponse) => {
    if (!/^[^/\\]+\.md$/i.test(name) || !listNotebooks(dir).includes(name)) {
      send(res, 404, "text/html; charset=utf-8", page("Not found", `<h1>No notebook ${escapeHtml(name)}</h1><p><a href="/">all notebooks</a></p>`, "/events"));
      return;
    }
    const events = `/events?nb=${encodeURIComponent(name)}`;
    const params = Object.fromEntries(query.entries());
    try {
      const run = await serial(() => runNotebook(join(dir, name), { data: opts.data, params, timings: opts.timings ?? true, liveReload: events }));
      opts.onRun?.(name, run);
      send(res, 200, "text/html; charset=utf-8", run.html);
    } catch (e) {
      opts.onRun?.(name, e as Error);
      const message = e instanceof Error ? e.message : String(e);
      const known = e instanceof ParkscoreError;
      send(res, known ? 400 : 500, "text/html; charset=utf-8", page(name, `<h1>${escapeHtml(name)}</h1><div class="ps-error" role="alert"><pre class="ps-text">${escapeHtml(message)}</pre></div><p>Fix the notebook and save: this page reloads. <a href="/">all notebooks</a></p>`, events));
    }
  };

  const events = (query: URLSearchParams, req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": connected\n\n");
    const client: Client = { res, nb: query.get("nb") ?? undefined };
    clients.add(client);
    req.on("close", () => clients.delete(client));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${HOST}`);
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain", "only GET\n");
    if (url.pathname === "/") return index(res);
    if (url.pathname === "/events") return events(url.searchParams, req, res);
    if (url.pathname.startsWith("/nb/")) return void notebook(decodeURIComponent(url.pathname.slice(4)), url.searchParams, res);
    if (url.pathname === "/favicon.ico") return send(res, 204, "text/plain", "");
    send(res, 404, "text/plain", "not found\n");
  });

  // Changes: a notebook file tells its own pages (and the index); anything else (helpers, dataset) tells all.
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
    changed.add(name);
    clearTimeout(timer);
    timer = setTimeout(flush, opts.debounceMs ?? 150);
  };
  await new Promise<void>((ok, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      fail(e.code === "EADDRINUSE" ? new ParkscoreError({ code: "notebook.port", message: `port ${opts.port} is already in use`, fix: "choose another with --port, or 0 for any free port" }) : e),
    );
    server.listen(opts.port ?? 4321, HOST, () => ok());
  });
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

  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: async () => {
      clearTimeout(timer);
      clearInterval(heartbeat);
      for (const w of watchers) w.close();
      for (const c of clients) c.res.end();
      clients.clear();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
    },
  };
}
