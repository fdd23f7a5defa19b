import { describe, expect, it } from "vitest";
import { WeightError } from "../../../../engine/score/weights/errors.js";
import { periodScores, scatterDegree, type Cube } from "../../../../engine/score/weights/scatter-degree.js";

// The Gram product works on blocks of 512 rows, two by four indicator pairs at a time, skipping the
// rows without any value: these cubes cross block boundaries, end in a partial block, have whole
// blocks of absent rows, and indicator counts that leave every remainder of the 2 × 4 tiles.

function rng(seed: number): () => number {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/** p periods × m indicators × n enterprises, correlated, with absent enterprises and missing values. */
function randomCube(seed: number, p: number, m: number, n: number, constant = -1): Float64Array[][] {
  const rnd = rng(seed);
  const cube: Float64Array[][] = [];
  for (let k = 0; k < p; k++) {
    const cols = Array.from({ length: m }, () => new Float64Array(n).fill(NaN));
    for (let i = 0; i < n; i++) {
      if (rnd() < 0.3 || (i >= 600 && i < 1200 && k === 1)) continue; // absent (a whole block in period 1)
      const level = rnd() * 10;
      for (let j = 0; j < m; j++) {
        if (rnd() < 0.05) continue; // missing
        cols[j][i] = j === constant ? 7 : (j + 1) * level + rnd() * (j + 3) + (j % 3 === 2 ? -4 * level : 0) + 1000 * (j % 2);
      }
    }
    cube.push(cols);
  }
  return cube;
}

/** The method as first written: every z-score stored, H from NaN-skipping dot products. */
function reference(cube: Cube): { mean: Float64Array; sd: Float64Array; z: Float64Array[][]; present: Uint8Array[]; H: Float64Array[] } {
  const p = cube.length, m = cube[0].length, n = cube[0][0].length;
  const mean = new Float64Array(m), sd = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let c = 0, s = 0;
    for (let k = 0; k < p; k++) {
      let ck = 0, sk = 0;
      for (const v of cube[k][j]) if (v === v) (ck++, (sk += v));
      c += ck;
      s += sk;
    }
    const mu = s / c;
    let ss = 0;
    for (let k = 0; k < p; k++) {
      let sk = 0;
      for (const v of cube[k][j]) if (v - mu === v - mu) sk += (v - mu) * (v - mu);
      ss += sk;
    }
    mean[j] = mu;
    sd[j] = Math.sqrt(ss / (c - 1));
  }
  const present = cube.map(() => new Uint8Array(n));
  const z = cube.map((period, k) =>
    period.map((col, j) =>
      col.map((v, i) => {
        if (v !== v) return NaN;
        present[k][i] = 1;
        return sd[j] === 0 ? 0 : (v - mean[j]) / sd[j];
      }),
    ),
  );
  const H = Array.from({ length: m }, () => new Float64Array(m));
  for (const zk of z)
    for (let a = 0; a < m; a++)
      for (let b = a; b < m; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const v = zk[a][i] * zk[b][i];
          if (v === v) s += v;
        }
        H[a][b] += s;
        if (b !== a) H[b][a] += s;
      }
  return { mean, sd, z, present, H };
}

/** Equal as numbers (+0 and −0 alike, NaN equal to NaN). */
function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}

function closeRel(a: ArrayLike<number>, b: ArrayLike<number>, scale: number, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]), `element ${i}: ${a[i]} vs ${b[i]}`).toBeLessThanOrEqual(tol * scale);
}

describe("scatter degree on the blocked Gram product", () => {
  for (const [m, n] of [[1, 700], [2, 1300], [3, 1025], [5, 512], [7, 1537], [20, 2100]])
    it(`equals the stored-z-scores method: ${m} indicator${m > 1 ? "s" : ""}, ${n} enterprises`, () => {
      const cube = randomCube(1000 + m * n, 3, m, n, m > 3 ? 2 : -1);
      const ref = reference(cube);
      const r = scatterDegree(cube);
      // The means and standard deviations are summed as before: the same to the bit.
      expect(Array.from(r.mean)).toEqual(Array.from(ref.mean));
      expect(Array.from(r.sd)).toEqual(Array.from(ref.sd));
      // H = G/(sd·sd) instead of Σ z·z: equal to rounding.
      let big = 0;
      for (const row of ref.H) for (const v of row) big = Math.max(big, Math.abs(v));
      r.H.forEach((row, a) => closeRel(row, ref.H[a], big, 1e-13));
      if (m > 3) expect(r.note).toMatch(/indicator 2 is constant/);
    });

  it("gives the same period scores with the moments passed in, to the bit, as with them recomputed", () => {
    const cube = randomCube(77, 4, 7, 1300, 3);
    const r = scatterDegree(cube);
    const a = periodScores(cube, r.weights);
    const b = periodScores(cube, r.weights, r);
    const ref = reference(cube);
    a.forEach((y, k) => {
      expect(same(y, b[k])).toBe(true);
      // As y = Σ_j w_j z_j over the stored z-scores, in indicator order.
      const expected = new Float64Array(y.length);
      for (let j = 0; j < 7; j++) ref.z[k][j].forEach((v, i) => v === v && (expected[i] += r.weights[j] * v));
      ref.present[k].forEach((p, i) => p || (expected[i] = NaN));
      expect(same(y, expected)).toBe(true);
    });
    expect(() => periodScores(cube, r.weights, { mean: r.mean.subarray(1), sd: r.sd })).toThrow(WeightError);
  });

  it("reports the first infinite value in period, indicator, enterprise order, before a ragged column after it", () => {
    const cube = randomCube(5, 2, 3, 600);
    cube[1][2][599] = Infinity;
    expect(() => scatterDegree(cube)).toThrow("period 1, indicator 2, enterprise 599 is Infinity");
    cube[0][1][10] = -Infinity;
    expect(() => scatterDegree(cube)).toThrow("period 0, indicator 1, enterprise 10 is -Infinity");
    expect(() => periodScores(cube, [1, 0, 0])).toThrow("period 0, indicator 1, enterprise 10 is -Infinity");
    const ragged = [cube[0], [cube[1][0], cube[1][1].subarray(1), cube[1][2]]];
    expect(() => scatterDegree(ragged)).toThrow("period 0, indicator 1, enterprise 10 is -Infinity");
    cube[0][1][10] = 0;
    expect(() => scatterDegree(ragged)).toThrow("period 1, indicator 1 has 599 enterprises, not 600");
    // Values so large that their sum overflows are not infinite.
    const huge = randomCube(6, 2, 2, 600);
    for (const period of huge) for (let i = 0; i < 600; i++) if (period[0][i] === period[0][i]) period[0][i] = 1e306 * (1 + (i % 7));
    expect(() => scatterDegree(huge)).not.toThrow(/is Infinity/);
  });
});
