/**
 * Where a stored revision's rows were in the delivered file, kept as the steps of the mapping
 * ([stored row, file row] where the step changes: a skipped blank line, a sheet's empty rows), so
 * that a department's file of any length costs a few numbers, and messages can name the file's rows.
 */
import { sourceRow, type Frame } from "../data/frame.js";

/** The steps; none when stored row i is file row i + 2 throughout (a header line, then data). */
export function sourceRowSteps(frame: Frame): [number, number][] {
  const out: [number, number][] = [];
  let step = 2;
  for (let i = 0; i < frame.nrows; i++) {
    const row = sourceRow(frame, i);
    if (row - i !== step) {
      out.push([i, row]);
      step = row - i;
    }
  }
  return out;
}

/** The delivered file's row of stored row i. */
export function deliveredRow(steps: readonly [number, number][] | undefined, i: number): number {
  let at: readonly [number, number] = [0, 2];
  for (const b of steps ?? []) {
    if (b[0] > i) break;
    at = b;
  }
  return at[1] + (i - at[0]);
}
