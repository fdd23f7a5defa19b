/**
 * Runs a notebook's cells top to bottom in one shared scope (see transform.ts for how), collecting
 * what each shows. The first cell that throws keeps its error and the line it came from, and the
 * cells after it are not run. `console` in a cell writes into the cell's output, not the terminal.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import { statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import vm from "node:vm";
import { html, htmlOf, ParkscoreError } from "../../engine/index.js";
import { renderValue, type DisplayOptions } from "./display.js";
import { createScope } from "./scope.js";
import { originalLine } from "./sourcemap.js";
import { CellSyntaxError, compileCell, PRELUDE_LINES, type CompiledCell } from "./transform.js";
import type { Cell, CellError, CellResult, Notebook, Output, Params } from "./types.js";

export interface ExecuteOptions {
  params: Params;
  data?: string;
  /** Called before each cell runs and after it ends (for a progress bar). */
  onCell?: (event: { cell: Cell; phase: "start" | "end"; result?: CellResult }) => void;
}

const FILE_PREFIX = "parkscore-cell-";
const STACK_FRAME = new RegExp(`${FILE_PREFIX}(\\d+)\\.js:(\\d+):(\\d+)`);

type CellFn = (scope: Record<string, unknown>, importFn: (spec: string) => Promise<unknown>, importMeta: { url: string }) => Promise<unknown>;

/** The cell's code as an async function of the scope, compiled in this realm under a file name stack traces show. */
function instantiate(compiled: CompiledCell, index: number): CellFn {
  const source = `(async function (__scope, __import, __importMeta) { with (__scope) { return (async () => { ${compiled.hoisted.join(" ")}\n${compiled.body}\n})(); } })`;
  const script = new vm.Script(source, { filename: `${FILE_PREFIX}${index + 1}.js`, lineOffset: -PRELUDE_LINES });
  return script.runInThisContext() as CellFn;
}

/**
 * `import` in a cell: `node:` and package names resolve from parkscore's own dependencies; paths
 * ("./helpers.ts") from the notebook's folder, with the file's modification time in the URL so an
 * edited helper is loaded again.
 */
export function makeImporter(notebookFile: string): (spec: string) => Promise<unknown> {
  const base = dirname(resolve(notebookFile));
  return async (spec: string) => {
    if (spec.startsWith(".") || isAbsolute(spec)) {
      const path = resolve(base, spec);
      let version = "";
      try {
        version = `?v=${statSync(path).mtimeMs}`;
      } catch {
        // a missing file is reported by import() itself
      }
      return import(pathToFileURL(path).href + version);
    }
    return import(spec);
  };
}

/** The cell error of a thrown value, with its line found through the stack and source maps. */
export function cellError(e: unknown, current: Cell, cells: readonly Cell[], compiled: readonly (CompiledCell | undefined)[]): CellError {
  if (e instanceof CellSyntaxError) {
    return { name: "SyntaxError", message: e.message, cellLine: e.cellLine, fileLine: e.cellLine !== undefined ? current.line + e.cellLine - 1 : undefined, cell: current.index };
  }
  const err = e instanceof Error ? e : undefined;
  const name = err?.name ?? "Error";
  const message = err ? (e instanceof ParkscoreError ? e.message : err.message) : typeof e === "string" ? e : inspect(e);
  const m = err?.stack ? STACK_FRAME.exec(err.stack) : null;
  if (m) {
    const index = Number(m[1]) - 1;
    const c = compiled[index];
    const cellLine = c ? originalLine(c.map, Number(m[2]), Number(m[3]) - 1) : undefined;
    if (cellLine !== undefined && cells[index]) return { name, message, cell: index, cellLine, fileLine: cells[index].line + cellLine - 1 };
  }
  return { name, message, cell: current.index };
}

export async function executeCells(nb: Notebook, opts: ExecuteOptions): Promise<CellResult[]> {
  const scope = createScope({ params: opts.params, data: opts.data });
  const importFn = makeImporter(nb.file);
  const importMeta = { url: pathToFileURL(resolve(nb.file)).href };
  const compiled: (CompiledCell | undefined)[] = [];
  const results: CellResult[] = [];
  let failed = false;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(limit, 100);
  // A promise a cell rejects without awaiting it would otherwise end the process (or the preview server).
  const unhandled: unknown[] = [];
  const onRejection = (reason: unknown) => void unhandled.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    for (const cell of nb.cells) {
      if (failed) {
        results.push({ cell, status: "not-run", outputs: [], ms: 0 });
        continue;
      }
      opts.onCell?.({ cell, phase: "start" });
      const pending: Promise<Output>[] = [];
      const display = (value: unknown, options?: DisplayOptions) => {
        pending.push(renderValue(value, options));
      };
      const logged = (stream: string) => (...args: unknown[]) => {
        const text = args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 3, colors: false }))).join(" ");
        pending.push(Promise.resolve({ kind: "text" as const, html: htmlOf(html`<pre class="ps-log ps-log-${stream}">${text}</pre>`) }));
      };
      scope.display = display;
      scope.console = { ...console, log: logged("log"), info: logged("info"), warn: logged("warn"), error: logged("error"), debug: logged("debug") };
      const t0 = performance.now();
      let result: CellResult;
      try {
        const c = await compileCell(cell.code, cell.lang);
        compiled[cell.index] = c;
        for (const name of c.declared) if (!(name in scope)) scope[name] = undefined;
        const value = await instantiate(c, cell.index)(scope, importFn, importMeta);
        if (value !== undefined) display(value);
        const outputs = await Promise.all(pending);
        await new Promise((ok) => setImmediate(ok)); // lets a rejection the cell left unhandled be reported
        if (unhandled.length) throw unhandled.shift();
        result = { cell, status: "ok", outputs, ms: performance.now() - t0 };
      } catch (e) {
        const outputs = (await Promise.allSettled(pending)).flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
        result = { cell, status: "error", outputs, error: cellError(e, cell, nb.cells, compiled), ms: performance.now() - t0 };
        failed = true;
      }
      results.push(result);
      opts.onCell?.({ cell, phase: "end", result });
    }
  } finally {
    Error.stackTraceLimit = limit;
    process.off("unhandledRejection", onRejection);
  }
  return results;
}

