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
const { PARK_CUBE: PARK } = await import("./helpers.js");

describe("scatter degree when mathjs eigs fails", () => {
  it("uses the Jacobi eigenpair, says so, and still matches numpy (test/reference/scatter_degree.py)", () => {
    const r = scatterDegree(PARK);
    expect(r.solver).toBe("jacobi");
    expect(r.note).toMatch(/mathjs eigs did not converge/);
    [0.3421775084561286, 0.33865655811088535, 0.31916593343298605].forEach((v, j) => expect(r.weights[j]).toBeCloseTo(v, 12));
    expect(r.eigenvalue).toBeCloseTo(42.10655694441051, 11);
  });
});
