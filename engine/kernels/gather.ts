/** Values of a column at a list of rows, and back: the loops behind sorting and treating a subset of rows. */

/** out[k] = x[rows[k]] for k in [b, e). */
export function gather(x: Float64Array, rows: Int32Array, out: Float64Array, b: number, e: number): void {
  for (let k = b; k < e; k++) out[k] = x[rows[k]];
}

/** out[k] = x[rows[k]] + 0 for k in [b, e): sort keys, in which −0 and +0 must be one value (−0 + 0 is +0). */
export function gatherKeys(x: Float64Array, rows: Int32Array, out: Float64Array, b: number, e: number): void {
  for (let k = b; k < e; k++) out[k] = x[rows[k]] + 0;
}

/** x[rows[k]] = v[k] for every k. */
export function scatter(x: Float64Array, rows: Int32Array, v: Float64Array): void {
  for (let k = 0; k < rows.length; k++) x[rows[k]] = v[k];
}
