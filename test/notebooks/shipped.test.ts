/**
 * Golden test of the shipped notebooks: each runs on the demo dataset without an error, every cell
 * runs, the charts are there (Plot SVGs, a Vega-Lite chart), and the numbers they show are checked
 * against the engine computed here independently (periodResult, transitions counted by hand,
 * COINr's winsorize, compareMethods) — structure and key numbers, not a byte snapshot.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseSensitivity, compareMethods, listPeriods, openDataset, periodResult, readStoredPeriod, uncertaintyFor } from "../../engine/index.js";
import { winsorize } from "../../engine/score/outliers.js";
import { runNotebook, type NotebookRun } from "../../notebooks/runtime/index.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DATA = join(ROOT, "datasets", "demo");
const LATEST = "2025";
const ENTERPRISE = "91130481MA0CWJC00N"; // enterprise.md's default id

const run = (name: string, params?: Record<string, unknown>): Promise<NotebookRun> =>
  runNotebook(join(ROOT, "notebooks", `${name}.md`), { data: DATA, params, timings: false });

/** The output markup that holds the element with this class (a Plot figure's className). */
function figure(r: NotebookRun, className: string): string {
  const out = r.results.flatMap((c) => c.outputs).find((o) => o.html.includes(`class="${className}`));
  if (!out) throw new Error(`no figure with class ${className}`);
  return out.html;
}

/** Texts of a Plot mark group (`<g aria-label="text">…`) in a figure. */
function markTexts(html: string, mark: string): string[] {
  const start = html.indexOf(`<g aria-label="${mark}"`);
  if (start < 0) return [];
  const group = html.slice(start, html.indexOf("</g>", start));
  return [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

function expectAllCellsRan(r: NotebookRun, cells: number): void {
  expect(r.failed?.error).toBeUndefined();
  expect(r.ok).toBe(true);
  expect(r.results).toHaveLength(cells);
  expect(r.results.every((c) => c.status === "ok")).toBe(true);
}

const kinds = (r: NotebookRun) => r.results.flatMap((c) => c.outputs.map((o) => o.kind));

describe("the demo dataset has the periods the notebooks default to", () => {
  it("2019–2025, latest 2025", () => {
    expect(listPeriods(DATA)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
  });
});

describe("trends.md", () => {
  let r: NotebookRun;
  beforeAll(async () => {
    r = await run("trends");
  }, 60_000);

  it("runs every cell and draws its charts", () => {
    expectAllCellsRan(r, 7);
    expect(kinds(r).filter((k) => k === "plot")).toHaveLength(5);
    expect(kinds(r)).toContain("vega-lite");
    for (const c of ["trend-park", "trend-grades", "trend-indicators", "trend-slope", "trend-transitions"]) expect(figure(r, c)).toContain("<svg");
    // no chart or table refers to anything outside the page (the Vega-Lite $schema is a name, not fetched)
    for (const o of r.results.flatMap((c) => c.outputs)) expect(o.html).not.toMatch(/(src|href)="https?:/);
  });

  it("counts the enterprises of each grade and park as periodResult grades them", async () => {
    const { result } = await periodResult(DATA, LATEST);
    const counts = new Map<string, number>();
    result.grade.forEach((g, i) => {
      const key = `${result.carry.get("park")![i]} ${LATEST} ${g || "未评级"}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const html = figure(r, "trend-grades");
    expect(counts.size).toBe(10); // 2 parks × (A–D + not graded)
    for (const [key, n] of counts) expect(html).toContain(`<title>${key} ${n}</title>`);
  });

  it("shows the 2024 → 2025 grade transitions counted from the two periods' grades", async () => {
    const [a, b] = await Promise.all([periodResult(DATA, "2024"), periodResult(DATA, LATEST)]);
    const later = new Map(b.result.ids.map((id, i) => [id, b.result.grade[i]]));
    const counts = new Map<string, number>();
    a.result.ids.forEach((id, i) => {
      const g = a.result.grade[i], h = later.get(id);
      if (g && h) counts.set(`${g}${h}`, (counts.get(`${g}${h}`) ?? 0) + 1);
    });
    const expected = ["A", "B", "C", "D"].flatMap((g) => ["A", "B", "C", "D"].map((h) => String(counts.get(`${g}${h}`) ?? 0)));
    expect(markTexts(figure(r, "trend-transitions"), "text")).toEqual(expected);
    expect(expected.slice(0, 4)).toEqual(["38", "2", "0", "0"]); // A in 2024: 38 stay A, 2 fall to B (counted from the two runs' scores.csv)
  });

  it("takes another pair of periods as parameters", async () => {
    const other = await run("trends", { period: "2022", from: "2019" });
    expectAllCellsRan(other, 7);
    expect(figure(other, "trend-slope")).toContain(">2019<");
  }, 60_000);
});

describe("indicators.md", () => {
  let r: NotebookRun;
  beforeAll(async () => {
    r = await run("indicators");
  }, 60_000);

  it("runs every cell and draws its charts", () => {
    expectAllCellsRan(r, 6);
    expect(kinds(r)).toContain("vega-lite");
    for (const c of ["ind-dist", "ind-corr", "ind-drivers"]) expect(figure(r, c)).toContain("<svg");
  });

  it("marks exactly the values COINr's rule winsorises, over the graded enterprises", async () => {
    const { result, scheme } = await periodResult(DATA, LATEST);
    const pop = Uint8Array.from(result.status, (s) => (s === "graded" ? 1 : 0));
    const flagged = scheme.indicators.map((i) => winsorize(result.values.get(i.id)!, pop, { logFallback: false }).changes.length);
    expect(flagged).toEqual([5, 5, 0, 5, 3, 3]); // 2025: tax, VA per mu, labour, R&D, energy, emissions (test/reference/indicator_distribution.py)
    const dots = figure(r, "ind-dist").match(/<circle/g) ?? [];
    expect(dots).toHaveLength(flagged.reduce((s, n) => s + n, 0));
  });

  it("fills the 6 × 6 correlation matrix with a unit diagonal", () => {
    const texts = markTexts(figure(r, "ind-corr"), "text");
    expect(texts).toHaveLength(36);
    expect([0, 7, 14, 21, 28, 35].map((k) => texts[k])).toEqual(Array(6).fill("1.00"));
    expect(texts[1]).toBe(texts[6]); // symmetric
  });
});

describe("enterprise.md", () => {
  it("shows the default enterprise's rank among the graded enterprises of each period", async () => {
    const r = await run("enterprise");
    expectAllCellsRan(r, 6);
    expect(kinds(r)).toContain("vega-lite");
    for (const c of ["ent-score", "ent-profile", "ent-moves"]) expect(figure(r, c)).toContain("<svg");
    const { result } = await periodResult(DATA, LATEST);
    const i = result.ids.indexOf(ENTERPRISE);
    const graded = result.status.filter((s) => s === "graded").length;
    expect(r.html).toContain(`${result.rank[i]} / ${graded}`);
    // 224 graded (260 participants, 36 not gradable: datasets/demo/README.md); 170 graded enterprises not vetoed score higher (scores.csv)
    expect(`${result.rank[i]} / ${graded}`).toBe("171 / 224");
    // one step per pair of consecutive graded periods: 7 periods → 6 rank changes
    expect(markTexts(figure(r, "ent-moves"), "text")).toHaveLength(6);
  }, 60_000);

  it("takes another enterprise by --param id", async () => {
    const { result } = await periodResult(DATA, LATEST);
    const other = result.ids[result.status.indexOf("graded")];
    const r = await run("enterprise", { id: other });
    expectAllCellsRan(r, 6);
    expect(r.html).toContain(result.names[result.ids.indexOf(other)]);
  }, 60_000);

  it("an unknown id stops at the first cell with a message naming the fix", async () => {
    const r = await run("enterprise", { id: "NO-SUCH-ID" });
    expect(r.ok).toBe(false);
    expect(r.failed?.cell.index).toBe(0);
    expect(r.failed?.error?.message).toMatch(/no enterprise with id NO-SUCH-ID.*--param id=/);
    expect(r.results.slice(1).every((c) => c.status === "not-run")).toBe(true);
  }, 60_000);
});

describe("methods.md", () => {
  it("compares 3 weightings × 4 aggregations and reports compare's rank agreement", async () => {
    const r = await run("methods");
    expectAllCellsRan(r, 7);
    expect(kinds(r)).toContain("vega-lite");
    for (const c of ["methods-weights", "methods-agreement"]) expect(figure(r, c)).toContain("<svg");
    const texts = markTexts(figure(r, "methods-agreement"), "text");
    expect(texts).toHaveLength(144);
    expect(Array.from({ length: 12 }, (_, k) => texts[13 * k])).toEqual(Array(12).fill("1.00"));

    const scheme = openDataset(DATA).scheme;
    const { frame } = await readStoredPeriod(DATA, LATEST, { scheme });
    const c = compareMethods(frame, scheme, ["weighted-sum", "topsis", "vikor", "grey-relational"]);
    // row 0 of the matrix is the published variant (expert · weighted sum) against expert · each aggregation
    expect(texts.slice(1, 4)).toEqual(c.agreement.slice(0, 3).map((x) => x.spearman.toFixed(2)));
    for (const x of c.agreement.slice(0, 3)) expect(r.html).toContain(x.spearman.toFixed(3));

    // The grade-stability section: the same analysis, run here, gives the numbers the page states.
    const sens = await analyseSensitivity(frame, scheme, uncertaintyFor(scheme, { weightNoise: 0.25, aggregation: "weighted-sum,topsis" }), { seed: 7, samples: 300, sobolSamples: 0 }, { workers: 0, noLeaveOneOut: true });
    const ranked = [...sens.intervals.rankNominal].filter((x) => x > 0).length;
    const unstable = [...sens.intervals.gradeStability].filter((x, i) => sens.intervals.rankNominal[i] > 0 && x < 0.9).length;
    expect(ranked).toBe(224); // the graded of 2025: 260 participants, 36 not gradable
    expect(r.html).toContain(`<strong>${unstable}</strong> of ${ranked} ranked enterprises`);
    expect(r.html).toContain(`<strong>${sens.shift.mean.toFixed(1)}</strong> places`);
  }, 60_000);
});
