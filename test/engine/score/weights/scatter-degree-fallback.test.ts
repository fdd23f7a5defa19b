import { describe, expect, it, vi } from "vitest";

// mathjs eigs failing to converge (it can, on some matrices): the Jacobi routine must take over.
vi.mock("../../../../engine/mathjs.js", () => ({
  mathjs: () => ({
    eigs: () => {
      throw new Error("The eigenvalues failed to converge. Only found 0 eigenvalues.");
    },
  }),
}));

const { scatterDegree } = await import("../../../../engine/score/weights/scatter-degree.js");

const N = NaN;
const PARK = [
  [[12, 30, 8, 20, 5, N], [110, 260, 90, 150, 60, N], [2.1, 3.5, 1.2, 2.8, 0.9, N]],
  [[14, 28, 7, 22, 6, 16], [120, 250, 85, 170, 65, 140], [2.4, 3.3, N, 3.0, 1.0, 2.0]],
  [[15, 27, N, 25, 4, 19], [130, 240, N, 190, 55, 160], [2.6, 3.1, N, 3.4, 0.8, 2.5]],
].map((p) => p.map((c) => Float64Array.from(c)));

describe("scatter degree when mathjs eigs fails", () => {
  it("uses the Jacobi eigenpair, says so, and still matches numpy (test/reference/scatter_degree.py)", () => {
    const r = scatterDegree(PARK);
    expect(r.solver).toBe("jacobi");
    expect(r.note).toMatch(/mathjs eigs did not converge/);
    [0.3421775084561286, 0.33865655811088535, 0.31916593343298605].forEach((v, j) => expect(r.weights[j]).toBeCloseTo(v, 12));
    expect(r.eigenvalue).toBeCloseTo(42.10655694441051, 11);
  });
});
