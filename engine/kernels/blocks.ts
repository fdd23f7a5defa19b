/**
 * Long loops over a column run a block of rows per call of their leaf function.
 *
 * V8 optimises a function properly once it has been called a few times; a single call over a
 * million rows runs in on-stack-replaced code, which stays slower than the function's own.
 *
 * The first block is short: code past the loop that had not run when the loop was compiled has no
 * type feedback, and would throw every later call back to the interpreter when it reaches it.
 *
 * A reduction carries its running state (sum, minimum, count…) from one block into the next in
 * the same order as one pass, so the results are the same bits.
 */
export const BLOCK_ROWS = 65536;

/** Rows of the first block (see above). */
const FIRST_ROWS = 64;

/** Calls `kernel(start, end)` for consecutive row ranges covering [0, n), none longer than BLOCK_ROWS. */
export function forBlocks(n: number, kernel: (start: number, end: number) => void): void {
  const first = Math.min(n, FIRST_ROWS);
  if (first > 0) kernel(0, first);
  for (let s = first; s < n; s += BLOCK_ROWS) kernel(s, Math.min(n, s + BLOCK_ROWS));
}

/** The rows a listing kernel keeps in one block (a block is at most BLOCK_ROWS rows). */
const LISTED = new Int32Array(BLOCK_ROWS);

/**
 * forBlocks for a kernel that also lists some rows, rare ones such as those missing a value. The
 * kernel writes each candidate row's number at rows[k] and moves k on only for a row it keeps, then
 * returns k: nothing in its loop runs for a kept row alone, which would have no type feedback until
 * the first one and throw the optimised loop back to the interpreter (engine/kernels/README.md). Returns
 * the kept rows, ascending.
 */
export function listingBlocks(n: number, kernel: (start: number, end: number, rows: Int32Array) => number): number[] {
  const kept: number[] = [];
  forBlocks(n, (b, e) => appendRows(kept, LISTED, kernel(b, e, LISTED)));
  return kept;
}

function appendRows(list: number[], rows: Int32Array, k: number): void {
  for (let j = 0; j < k; j++) list.push(rows[j]);
}
