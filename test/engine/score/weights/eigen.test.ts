import { eigs } from "mathjs";
import { describe, expect, it } from "vitest";
import { jacobiEigen, mathjsTopPair } from "../../../../engine/score/weights/eigen.js";
import { scatterDegree } from "../../../../engine/score/weights/scatter-degree.js";
import { PARK_CUBE as PARK } from "./helpers.js";

describe("jacobiEigen (the fallback and cross-check)", () => {
  it("matches numpy's eigenvalues of the PARK H", () => {
    const H = scatterDegree(PARK).H;
    const { values } = jacobiEigen(H);
    const sorted = Array.from(values).sort((a, b) => b - a);
    [42.10655694441051, 1.6993813650678673, 0.19406169052163513].forEach((v, i) => expect(sorted[i]).toBeCloseTo(v, 11));
  });

  it("returns orthonormal eigenvectors with A v = λ v, and agrees with mathjs eigs, on random symmetric matrices", () => {
    let seed = 4242;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    for (const m of [2, 3, 5, 8, 12]) {
      const A = Array.from({ length: m }, () => new Array<number>(m).fill(0));
      for (let i = 0; i < m; i++) for (let j = i; j < m; j++) A[i][j] = A[j][i] = rnd() * 10;
      const { values, vectors } = jacobiEigen(A);
      for (let c = 0; c < m; c++) {
        for (let i = 0; i < m; i++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += A[i][j] * vectors[j][c];
          expect(Math.abs(s - values[c] * vectors[i][c])).toBeLessThan(1e-11);
        }
        for (let d = 0; d < m; d++) {
          let s = 0;
          for (let i = 0; i < m; i++) s += vectors[i][c] * vectors[i][d];
          expect(s).toBeCloseTo(c === d ? 1 : 0, 12);
        }
      }
      const viaMathjs = (eigs(A).values as number[]).slice().sort((a, b) => a - b);
      const ours = Array.from(values).sort((a, b) => a - b);
      ours.forEach((v, i) => expect(v).toBeCloseTo(viaMathjs[i], 10));
    }
  });
});

describe("mathjsTopPair", () => {
  it("gives the largest eigenpair as a unit vector: [[2, 1], [1, 2]] has λ = 3 along (1, 1)/√2", () => {
    const r = mathjsTopPair([[2, 1], [1, 2]]);
    if (typeof r === "string") throw new Error(r);
    expect(r.value).toBeCloseTo(3, 12);
    expect(Math.abs(r.vector[0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(r.vector[0] * r.vector[1]).toBeGreaterThan(0);
  });
});
