import { afterEach, describe, expect, test } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NotebookServer, ServeOptions } from "../../../notebooks/runtime/serve.js";
import { compiled } from "../../cli/helpers.js";
import { expectEscaped, HOSTILE } from "../../hostile-value.js";

// The compiled module: the threads it runs notebooks in boot from JavaScript (test/cli/helpers.ts `compiled`).
const { startServer } = await compiled<typeof import("../../../notebooks/runtime/serve.js")>("notebooks/runtime/serve.js");

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const DEMO = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");

let server: NotebookServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const LOOP = "---\ntitle: Loop\n---\n\n```ts\nconst a = 1;\na\n```\n\n```ts\nwhile (true) {}\n```\n";

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "parkscore-serve-"));
  for (const f of ["basic.md", "failing.md"]) cpSync(join(FIXTURES, f), join(dir, f));
  writeFileSync(join(dir, "loop.md"), LOOP);
  return dir;
}

/** The server, with the names of the runs it has made (GETs must make none). */
async function serve(opts: ServeOptions): Promise<{ server: NotebookServer; runs: string[] }> {
  const runs: string[] = [];
  server = await startServer({ ...opts, onRun: (name) => runs.push(name) });
  return { server, runs };
}

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A plain HTTP request to the server, with any headers (Host included: 127.0.0.1:PORT unless given). */
function call(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port: server!.port, method, path, headers: { host: `127.0.0.1:${server!.port}`, ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => ok({ status: res.statusCode!, type: res.headers["content-type"] ?? "", body }));
    });
    req.on("error", fail);
    req.end();
  });
}

const get = (path: string, headers?: Record<string, string>) => call("GET", path, headers);

/** The token a served page carries, as its script sends it. */
function tokenOf(html: string): string {
  const m = /"x-parkscore-token": "([0-9a-f]{64})"/.exec(html);
  if (!m) throw new Error("no token in the page");
  return m[1];
}

/** Runs a notebook as its page's script does: a POST to the page's address with the page's token. */
async function runPage(path: string): Promise<Answer> {
  const token = tokenOf((await get(path)).body);
  return call("POST", path, { "x-parkscore-token": token, origin: `http://127.0.0.1:${server!.port}`, "sec-fetch-site": "same-origin" });
}

/** Opens the event stream and resolves with the first `reload` event's data. */
function nextReload(path: string): { ready: Promise<void>; reload: Promise<string>; close(): void } {
  let close = () => {};
  let ready!: () => void;
  const readyP = new Promise<void>((ok) => (ready = ok));
  const reload = new Promise<string>((ok, fail) => {
    const req = request(new URL(path, server!.url), (res) => {
      let buf = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buf += chunk;
        if (buf.includes(": connected")) ready();
        const m = /event: reload\ndata: (.*)\n\n/.exec(buf);
        if (m) ok(m[1]);
      });
    });
    req.on("error", fail);
    req.end();
    close = () => req.destroy();
  });
  return { ready: readyP, reload, close };
}

/** A refusal: status 403 and one line naming why. */
function expectRefused(a: Answer, why: RegExp): void {
  expect(a.status).toBe(403);
  expect(a.body).toMatch(why);
  expect(a.body.split("\n")).toHaveLength(2);
  expect(a.body.endsWith("\n")).toBe(true);
}

describe("notebook serve answers only its own user", () => {
  test("it listens on 127.0.0.1 and answers only requests addressed to it: Host 127.0.0.1, localhost or [::1] with its port", async () => {
    const { server: s } = await serve({ dir: folder(), port: 0 });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const host of [`127.0.0.1:${s.port}`, `localhost:${s.port}`, `LOCALHOST:${s.port}`, `[::1]:${s.port}`]) {
      expect((await get("/", { host })).status).toBe(200);
    }
    // DNS rebinding: another site's name made to point at 127.0.0.1 arrives with that name as Host.
    for (const host of [`evil.example:${s.port}`, "evil.example", `127.0.0.1:${s.port + 1}`, "127.0.0.1", `localhost.evil.example:${s.port}`, `127.0.0.1:${s.port}.evil.example`]) {
      expectRefused(await get("/", { host }), new RegExp(`^refused: this server answers only requests addressed to 127\\.0\\.0\\.1:${s.port} \\(the Host was "${host.replace(/[.[\]]/g, "\\$&")}"\\); open http://127\\.0\\.0\\.1:${s.port}/\\n$`));
    }
    expectRefused(await get("/nb/basic.md", { host: "evil.example" }), /^refused: this server answers only/);
    expectRefused(await get("/events?nb=basic.md", { host: "evil.example" }), /^refused: this server answers only/);
  }, 60_000);

  test("requests from another site's page are refused (Origin, Sec-Fetch-Site); the user's own navigation is not", async () => {
    const { server: s } = await serve({ dir: folder(), port: 0 });
    expectRefused(await get("/", { origin: "http://evil.example" }), /^refused: a request from another site \(Origin "http:\/\/evil\.example"\)/);
    expectRefused(await get("/", { origin: "null" }), /^refused: a request from another site \(Origin "null"\)/);
    expectRefused(await get("/", { origin: `http://localhost:${s.port}` }), /^refused: a request from another site/);
    expectRefused(await get("/nb/basic.md", { origin: `https://127.0.0.1:${s.port}` }), /^refused: a request from another site/);
    for (const site of ["cross-site", "same-site"]) expectRefused(await get("/nb/basic.md", { "sec-fetch-site": site }), new RegExp(`^refused: a request from another site \\(Sec-Fetch-Site: ${site}\\)`));
    expect((await get("/", { origin: `http://127.0.0.1:${s.port}`, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await get("/", { host: `localhost:${s.port}`, origin: `http://localhost:${s.port}` })).status).toBe(200);
    // Typed into the address bar or opened from a bookmark: Sec-Fetch-Site "none", for reading only.
    expect((await get("/", { "sec-fetch-site": "none" })).status).toBe(200);
    const token = tokenOf((await get("/nb/basic.md")).body);
    expectRefused(await call("POST", "/nb/basic.md", { "x-parkscore-token": token, "sec-fetch-site": "none" }), /^refused: a request from another site \(Sec-Fetch-Site: none\)/);
    expectRefused(await call("POST", "/nb/basic.md", { "x-parkscore-token": token, origin: "http://evil.example" }), /^refused: a request from another site/);
  }, 60_000);

  test("a GET runs nothing; a run is a POST with the token the server put into its page", async () => {
    const { runs } = await serve({ dir: folder(), data: DEMO, port: 0, timings: false });
    const waiting = await get("/nb/basic.md?period=2019");
    expect(waiting.status).toBe(200);
    expect(waiting.type).toBe("text/html; charset=utf-8");
    expect(waiting.body).toContain("<h1>Fixture notebook</h1>");
    expect(waiting.body).toContain('fetch(location.href, { method: "POST"');
    const token = tokenOf(waiting.body);
    // Another server has another token.
    const other = await startServer({ dir: folder(), port: 0 });
    const otherPage = await (await fetch(new URL("/nb/basic.md", other.url))).text();
    await other.close();
    expect(tokenOf(otherPage)).not.toBe(token);
    expectRefused(await call("POST", "/nb/basic.md?period=2019"), /^refused: a changing request \(POST\) without this server's token; reload the page and try again\n$/);
    expectRefused(await call("POST", "/nb/basic.md?period=2019", { "x-parkscore-token": token.slice(0, -1) + (token.endsWith("0") ? "1" : "0") }), /without this server's token/);
    expectRefused(await call("POST", "/nb/basic.md?period=2019", { "x-parkscore-token": "short" }), /without this server's token/);
    expectRefused(await call("DELETE", "/nb/basic.md"), /^refused: a changing request \(DELETE\) without this server's token/);
    expect((await call("PUT", "/nb/basic.md", { "x-parkscore-token": token })).status).toBe(405);
    expect((await call("POST", "/", { "x-parkscore-token": token })).status).toBe(405);
    for (const path of ["/", "/nb/basic.md?period=2019", "/nb/failing.md", "/nb/none.md"]) await get(path);
    await call("HEAD", "/nb/basic.md?period=2019");
    expect(runs).toEqual([]);

    const ran = await call("POST", "/nb/basic.md?period=2019", { "x-parkscore-token": token });
    expect(ran).toMatchObject({ status: 200, body: "basic.md: ok\n" });
    expect(runs).toEqual(["basic.md"]);
    const page = await get("/nb/basic.md?period=2019");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<code>period = 2019</code> (set for this run)");
    expect(page.body).toContain('new EventSource("/events?nb=basic.md")');
    expect(tokenOf(page.body)).toBe(token);
    // Read again, the kept page is served: no second run.
    expect((await get("/nb/basic.md?period=2019")).body).toBe(page.body);
    expect(runs).toEqual(["basic.md"]);
    // Other parameters are another page, not run yet.
    expect((await get("/nb/basic.md?period=2020")).body).toContain('fetch(location.href, { method: "POST"');
  }, 120_000);

  test("a bad parameter, an unknown notebook and a failing cell are readable pages, not crashes", async () => {
    await serve({ dir: folder(), port: 0 });
    const bad = await runPage("/nb/basic.md?period=soon");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/^basic\.md: .*parameter "period" must be a number/);
    const badPage = await get("/nb/basic.md?period=soon");
    expect(badPage.status).toBe(400);
    expect(badPage.body).toContain("parameter &quot;period&quot; must be a number");
    expect((await get("/nb/..%2Fsecret.md")).status).toBe(404);
    expect((await get("/nb/none.md")).status).toBe(404);
    expect((await get("/nb/%E0%A4%A.md")).status).toBe(404);
    expect((await get("/")).status).toBe(200);
    const token = tokenOf(badPage.body);
    expect((await call("POST", "/nb/none.md", { "x-parkscore-token": token })).status).toBe(404);
    // A failing cell still renders the page (with the error).
    expect(await runPage("/nb/failing.md")).toMatchObject({ status: 200, body: "failing.md: cell 2 failed: TypeError\n" });
    const failing = await get("/nb/failing.md");
    expect(failing.status).toBe(200);
    expect(failing.body).toContain("ps-error");
  }, 120_000);

  test("editing a notebook tells its open pages to reload, makes its kept page stale, and the next run shows the edit", async () => {
    const dir = folder();
    const { runs } = await serve({ dir, port: 0, debounceMs: 50 });
    await runPage("/nb/basic.md");
    expect((await get("/nb/basic.md")).body).toContain("<title>Fixture notebook</title>");
    const basic = nextReload("/events?nb=basic.md");
    const other = nextReload("/events?nb=failing.md");
    await Promise.all([basic.ready, other.ready]);
    const file = join(dir, "basic.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Fixture notebook", "title: Edited notebook"));
    expect(await basic.reload).toBe('["basic.md"]');
    const late = await Promise.race([other.reload, new Promise((ok) => setTimeout(() => ok("none"), 400))]);
    expect(late).toBe("none");
    basic.close();
    other.close();
    const stale = await get("/nb/basic.md");
    expect(stale.body).toContain('fetch(location.href, { method: "POST"');
    expect(runs).toEqual(["basic.md"]);
    await runPage("/nb/basic.md");
    expect((await get("/nb/basic.md")).body).toContain("<title>Edited notebook</title>");
  }, 120_000);

  test("a change in the dataset folder reloads every page", async () => {
    const data = mkdtempSync(join(tmpdir(), "parkscore-serve-data-"));
    cpSync(DEMO, data, { recursive: true });
    await serve({ dir: folder(), data, port: 0, debounceMs: 50 });
    const page = nextReload("/events?nb=failing.md");
    await page.ready;
    writeFileSync(join(data, "periods", "note.txt"), "changed");
    expect(await page.reload).toBe('["*"]');
    page.close();
  });

  test("a missing folder or a port in use is a clear error", async () => {
    await expect(startServer({ dir: "/no/such/folder", port: 0 })).rejects.toThrow(/no such folder of notebooks/);
    server = await startServer({ dir: folder(), port: 0 });
    await expect(startServer({ dir: folder(), port: server.port })).rejects.toThrow(/already in use/);
  });
});

describe("notebook serve's own pages", () => {
  test("are in the one page shell and show titles, names and error messages as text", async () => {
    const dir = folder();
    writeFileSync(join(dir, "hostile.md"), `---\ntitle: ${JSON.stringify(HOSTILE)}\n---\n\ntext\n`);
    writeFileSync(join(dir, "bad.md"), `---\nparams:\n  ${JSON.stringify(HOSTILE)}: 1\n---\n\ntext\n`);
    await serve({ dir, port: 0 });
    const index = await get("/");
    expect(index.body.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport"')).toBe(true);
    expect(index.body).toContain("@media print");
    expectEscaped(index.body, 2); // the title of hostile.md, the error reading bad.md
    expectEscaped((await get("/nb/hostile.md")).body, 2); // <title> and heading of the page that asks for a run
    const missing = await get(`/nb/${encodeURIComponent(HOSTILE)}.md`);
    expect(missing.status).toBe(404);
    expectEscaped(missing.body);
    expect((await runPage("/nb/bad.md")).status).toBe(400);
    const failed = await get("/nb/bad.md");
    expect(failed.status).toBe(400);
    expect(failed.body).toContain("is not a valid name");
    expectEscaped(failed.body);
  }, 120_000);
});

describe("one bad cell cannot hang notebook serve", () => {
  test("a cell that never ends is stopped at the time limit, and its page shows which cell timed out", async () => {
    await serve({ dir: folder(), port: 0, timeoutMs: 2000, timings: false });
    expect(await runPage("/nb/loop.md")).toMatchObject({ status: 200, body: "loop.md: cell 2 failed: Timeout\n" });
    const page = await get("/nb/loop.md");
    expect(page.body).toContain('<a href="#cell-2">cell 2</a> timed out');
    expect(page.body).toContain("<strong>Timeout</strong>: still running when the run&#39;s time limit of 2 s ran out; the run was stopped");
  }, 120_000);

  test("while one is stuck, the server answers and other notebooks run; a change cancels the stale run; closing stops the stuck one", async () => {
    const dir = folder();
    const { runs } = await serve({ dir, port: 0, timeoutMs: 600_000, debounceMs: 50 });
    let stuckAnswer: Answer | undefined;
    const stuck = runPage("/nb/loop.md").then((a) => (stuckAnswer = a));
    expect((await get("/")).status).toBe(200);
    expect(await runPage("/nb/failing.md")).toMatchObject({ status: 200, body: "failing.md: cell 2 failed: TypeError\n" });
    expect(stuckAnswer).toBeUndefined();
    // Saving the notebook makes its run stale: it is stopped, its page asked to reload.
    writeFileSync(join(dir, "loop.md"), LOOP.replace("title: Loop", "title: Loop again"));
    await stuck;
    expect(stuckAnswer).toMatchObject({ status: 409, body: "loop.md: cancelled: the notebook or the dataset changed, or the server is stopping\n" });
    // Closing the server stops the run that is stuck now.
    const again = runPage("/nb/loop.md").catch((e: Error) => e);
    await new Promise((ok) => setTimeout(ok, 500));
    const t0 = performance.now();
    await server!.close();
    server = undefined;
    expect(performance.now() - t0).toBeLessThan(10_000);
    const answer = await again;
    if (!(answer instanceof Error)) expect(answer.status).toBe(409);
    expect(runs).toEqual(["failing.md"]);
  }, 120_000);
});
