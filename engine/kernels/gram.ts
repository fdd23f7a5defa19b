/**
 * The moments and the Gram product of indicator columns pooled over periods, with missing values
 * (NaN) skipped: what the scatter-degree weighting (engine/score/weights/scatter-degree.ts) is
 * computed from. Its cube is small in indicators and long in enterprises, so the product works on
 * blocks of rows held in the cache rather than per block of forBlocks.
 */

/** acc[0] = the count of present values (not NaN), acc[1] = their sum, in row order. */
export function sums(x: Float64Array, acc: Float64Array): void {
  let c = 0, s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    c++;
    s += v;
  }
  acc[0] = c;
  acc[1] = s;
}

/** Σ (x − mu)² over the present values, in row order (as the Gram product sums its diagonal). */
export function squaredDeviations(x: Float64Array, mu: number): number {
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - mu;
    if (d === d) ss += d * d;
  }
  return ss;
}

/** Rows per block of the Gram product: m × BLOCK deviations stay in the core's cache. */
const BLOCK = 512;

/**
 * G = Σ_k Σ_i d_ik d_ikᵀ (m × m, row-major, symmetric) over a cube of periods × indicators ×
 * enterprises, with d = x − mean, 0 where x is missing. The
 * periods are taken BLOCK rows at a time: the block's rows that have any value (the others add
 * nothing) are gathered once as NaN-free deviations, then each indicator pair is a plain dot
 * product over them, two by four pairs at a time. Each period's sums run through its rows in order
 * and are then added period after period, as a caller sums {@link squaredDeviations} per period, so
 * the diagonal is that sum of squared deviations to the bit.
 */
export function gram(cube: readonly (readonly Float64Array[])[], mean: Float64Array): Float64Array {
  const m = mean.length;
  const G = new Float64Array(m * m);
  const perPeriod = new Float64Array(m * m); // the current period's sums
  const d = new Float64Array(m * BLOCK);
  const present = new Uint8Array(BLOCK);
  const rows = new Int32Array(BLOCK);
  for (const columns of cube) {
    const n = columns[0].length;
    perPeriod.fill(0);
    for (let i0 = 0; i0 < n; i0 += BLOCK) {
      const len = Math.min(BLOCK, n - i0);
      present.fill(0);
      for (let j = 0; j < m; j++) markPresent(columns[j], i0, len, present);
      const count = presentRows(present, len, rows);
      if (count === 0) continue;
      for (let j = 0; j < m; j++) deviations(columns[j], i0, rows, count, mean[j], d, j * BLOCK);
      gramBlock(d, m, count, BLOCK, perPeriod);
    }
    addTo(perPeriod, G);
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) G[a * m + b] = G[b * m + a];
  return G;
}

function addTo(x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += x[i];
}

/** present[r] = 1 where x[i0 + r] is a value, r < len. */
function markPresent(x: Float64Array, i0: number, len: number, present: Uint8Array): void {
  for (let r = 0; r < len; r++) if (x[i0 + r] === x[i0 + r]) present[r] = 1;
}

/** The positions r < len with present[r] = 1, into rows; their count. */
function presentRows(present: Uint8Array, len: number, rows: Int32Array): number {
  let c = 0;
  for (let r = 0; r < len; r++) if (present[r] === 1) rows[c++] = r;
  return c;
}

/** d[off + c] = x[i0 + rows[c]] − mu, 0 where missing, c < count. */
function deviations(x: Float64Array, i0: number, rows: Int32Array, count: number, mu: number, d: Float64Array, off: number): void {
  for (let c = 0; c < count; c++) {
    const v = x[i0 + rows[c]];
    d[off + c] = v === v ? v - mu : 0;
  }
}

/**
 * G[a][b] += Σ_r d[a·stride + r]·d[b·stride + r], r < len, for a ≤ b (and some a = b + 1, which
 * the caller overwrites from the upper triangle), each sum carried on from G[a][b] in row order.
 */
function gramBlock(d: Float64Array, m: number, len: number, stride: number, G: Float64Array): void {
  let a = 0;
  for (; a + 1 < m; a += 2) {
    let b = a;
    for (; b + 3 < m; b += 4) tile2x4(d, a, b, m, len, stride, G);
    for (; b < m; b++) {
      tile1x1(d, a, b, m, len, stride, G);
      tile1x1(d, a + 1, b, m, len, stride, G);
    }
  }
  for (; a < m; a++) for (let b = a; b < m; b++) tile1x1(d, a, b, m, len, stride, G);
}

/** Rows a, a + 1 by columns b … b + 3 of the Gram product: six loads feed eight products. */
function tile2x4(d: Float64Array, a: number, b: number, m: number, len: number, stride: number, G: Float64Array): void {
  const oa = a * stride, oa1 = oa + stride;
  const o0 = b * stride, o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
  const h0 = a * m + b, h1 = h0 + m;
  let s00 = G[h0], s01 = G[h0 + 1], s02 = G[h0 + 2], s03 = G[h0 + 3];
  let s10 = G[h1], s11 = G[h1 + 1], s12 = G[h1 + 2], s13 = G[h1 + 3];
  for (let r = 0; r < len; r++) {
    const x = d[oa + r], y = d[oa1 + r];
    const c0 = d[o0 + r], c1 = d[o1 + r], c2 = d[o2 + r], c3 = d[o3 + r];
    s00 += x * c0;
    s01 += x * c1;
    s02 += x * c2;
    s03 += x * c3;
    s10 += y * c0;
    s11 += y * c1;
    s12 += y * c2;
    s13 += y * c3;
  }
  G[h0] = s00;
  G[h0 + 1] = s01;
  G[h0 + 2] = s02;
  G[h0 + 3] = s03;
  G[h1] = s10;
  G[h1 + 1] = s11;
  G[h1 + 2] = s12;
  G[h1 + 3] = s13;
}

function tile1x1(d: Float64Array, a: number, b: number, m: number, len: number, stride: number, G: Float64Array): void {
  const oa = a * stride, ob = b * stride, h = a * m + b;
  let s = G[h];
  for (let r = 0; r < len; r++) s += d[oa + r] * d[ob + r];
  G[h] = s;
}
