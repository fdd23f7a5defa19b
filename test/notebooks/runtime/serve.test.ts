import { afterEach, describe, expect, test } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type NotebookServer } from "../../../notebooks/runtime/serve.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const DEMO = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");

let server: NotebookServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "parkscore-serve-"));
  for (const f of ["basic.md", "failing.md"]) cpSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

async function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(new URL(path, server!.url));
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
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

describe("notebook serve", () => {
  test("binds 127.0.0.1 only, lists the notebooks, runs one on request with query params", async () => {
    server = await startServer({ dir: folder(), data: DEMO, port: 0, timings: false });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get("/");
    expect(index.status).toBe(200);
    expect(index.body).toContain('<a href="/nb/basic.md">Fixture notebook</a>');
    expect(index.body).toContain('<a href="/nb/failing.md">Failing notebook</a>');
    const page = await get("/nb/basic.md?period=2019");
    expect(page.status).toBe(200);
    expect(page.type).toBe("text/html; charset=utf-8");
    expect(page.body).toContain("<code>period = 2019</code> (set for this run)");
    expect(page.body).toContain('new EventSource("/events?nb=basic.md")');
  });

  test("a bad parameter or an unknown notebook is a readable page, not a crash", async () => {
    server = await startServer({ dir: folder(), port: 0 });
    const bad = await get("/nb/basic.md?period=soon");
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("parameter &quot;period&quot; must be a number");
    expect((await get("/nb/..%2Fsecret.md")).status).toBe(404);
    expect((await get("/nb/none.md")).status).toBe(404);
    // A failing cell still renders the page (with the error).
    const failing = await get("/nb/failing.md");
    expect(failing.status).toBe(200);
    expect(failing.body).toContain("ps-error");
  });

  test("editing a notebook tells its open pages to reload; other notebooks' pages are not told", async () => {
    const dir = folder();
    server = await startServer({ dir, port: 0, debounceMs: 50 });
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
    expect((await get("/nb/basic.md")).body).toContain("<title>Edited notebook</title>");
  });

  test("a change in the dataset folder reloads every page", async () => {
    const data = mkdtempSync(join(tmpdir(), "parkscore-serve-data-"));
    cpSync(DEMO, data, { recursive: true });
    server = await startServer({ dir: folder(), data, port: 0, debounceMs: 50 });
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
