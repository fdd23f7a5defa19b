/**
 * Parquet, via parquet-wasm: the file is decoded to Arrow inside WebAssembly, handed over as an
 * Arrow IPC stream, and read with the same column extraction as Arrow files (arrow.ts), so type
 * conversions and problems are identical for both.
 *
 * Only the planned columns are decoded (the schema is read first), and in batches as large as
 * the file, so a column arrives as one chunk: decoding 1,024-row batches (the default) is several
 * times slower, and chunked Float64 columns cannot be handed over without a copy.
 */
import { tableFromIPC, type Table } from "apache-arrow";
import { readParquet as readParquetWasm, readSchema } from "parquet-wasm";
import { ParkscoreError, ProblemList } from "../errors.js";
import { columnNames, frameFromTable } from "./arrow.js";
import type { Frame, ReadSpec } from "./frame.js";
import { planColumns, type ColumnPlan } from "./plan.js";

/** Rows per decoded batch; the Parquet reader caps it at the file's row count. */
const BATCH_ROWS = 1 << 30;

/** Read the columns `spec` asks for from the bytes of a Parquet file. */
export function readParquet(bytes: Uint8Array, file: string, spec: ReadSpec, problems?: ProblemList): Frame {
  const own = problems === undefined;
  const list = problems ?? new ProblemList();
  const names = columnNames(wasmCall(file, () => tableFromIPC(readSchema(bytes).intoIPCStream())), file);
  const plan = planColumns(file, names, spec, list);
  // Decode only the planned columns (at least one, so the row count is known).
  const wanted = [...new Set([...plan.numeric, ...plan.text, ...plan.rest].map((c) => names[c.index]))];
  const columns = wanted.length > 0 ? wanted : names.slice(0, 1);
  const table = wasmCall(file, () => tableFromIPC(readParquetWasm(bytes, { columns, batchSize: BATCH_ROWS }).intoIPCStream()));
  // The table lives on our own copy out of WebAssembly memory: null slots may be overwritten.
  const frame = frameFromTable(table, file, reindex(plan, names, table), list, true);
  if (own) list.throwIfAny();
  return frame;
}

/** The plan with its indexes moved from the file's columns (`names`) to the decoded table's. */
function reindex(plan: ColumnPlan, names: string[], table: Table): ColumnPlan {
  const at = new Map<string, number>();
  table.schema.fields.forEach((f, i) => {
    if (!at.has(f.name)) at.set(f.name, i);
  });
  const move = <T extends { index: number }>(c: T): T => ({ ...c, index: at.get(names[c.index]) ?? c.index });
  return { ...plan, numeric: plan.numeric.map(move), text: plan.text.map(move), rest: plan.rest.map(move) };
}

/** Run a parquet-wasm step, turning its errors (thrown strings or Errors) into a ParkscoreError. */
function wasmCall<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw new ParkscoreError({
      code: "data.bad-parquet",
      file,
      message: `cannot read the Parquet file: ${e instanceof Error ? e.message : String(e)}`,
      fix: "check that the file is Parquet (written by pandas, pyarrow, DuckDB, Spark, …) and not truncated",
    });
  }
}
