import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { readArrow } from "../../../engine/data/arrow.js";
import { TextColumns } from "../../../engine/data/text.js";
import { schemeColumns } from "../../../engine/scheme/columns.js";
import type { SimpleWeighting } from "../../../engine/scheme/types.js";
import { csvChunks } from "../../../engine/data/write-csv.js";
import { ParkscoreError } from "../../../engine/errors.js";
import { scorePeriod } from "../../../engine/score/period.js";
import { resultTable } from "../../../engine/score/table.js";
import { analyseSensitivity } from "../../../engine/sensitivity/analysis.js";
import { intervalsTable, rankIntervals } from "../../../engine/sensitivity/intervals.js";
import { Sampler } from "../../../engine/sensitivity/monte-carlo.js";
import { Random } from "../../../engine/sensitivity/sample.js";
import { drawScheme } from "../../../engine/sensitivity/uncertainty.js";
import { runAll } from "../../../engine/sensitivity/workers.js";
import { period, withUncertainty } from "./fixtures.js";

const data = period();
const bytes = (cols: ReturnType<typeof intervalsTable>, n: number) => Buffer.concat(csvChunks(cols, n)).toString("utf8");
const meanWidth = (r: Awaited<ReturnType<typeof analyseSensitivity>>) => {
  let s = 0, m = 0;
  for (let i = 0; i < r.intervals.ids.length; i++)
    if (r.intervals.rankNominal[i] > 0) {
      s += r.intervals.rankP95[i] - r.intervals.rankP05[i];
      m++;
    }
  return s / m;
};

describe("Monte Carlo rank intervals", () => {
  it("collapse to the nominal rank when nothing is uncertain", async () => {
    for (const section of ["uncertainty: {}", "uncertainty: { parameters: [{ name: rules-cap, range: [3, 3] }], aggregation: [weighted-sum] }"]) {
      const s = withUncertainty(section);
      const r = await analyseSensitivity(data, s, s.uncertainty!, { seed: 7, samples: 25, sobolSamples: 0 }, { workers: 0 });
      const iv = r.intervals;
      let ranked = 0;
      for (let i = 0; i < iv.ids.length; i++) {
        if (iv.rankNominal[i] === 0) {
          expect(iv.rankMedian[i]).toBeNaN();
          continue;
        }
        ranked++;
        for (const v of [iv.rankMedian[i], iv.rankP05[i], iv.rankP95[i], iv.rankMean[i]]) expect(v).toBe(iv.rankNominal[i]);
        expect(iv.gradeStability[i]).toBe(1);
        expect(iv.gradeShare.get(iv.gradeNominal[i])![i]).toBe(1);
      }
      expect(ranked).toBe(40);
      expect(r.shift.mean).toBe(0);
    }
  });

  it("never narrow on average as the weight noise grows (fixed seed)", async () => {
    const widths: number[] = [];
    const shifts: number[] = [];
    for (const noise of [0.05, 0.2, 0.5, 1]) {
      const s = withUncertainty(`uncertainty: { weights: { noise: ${noise} } }`);
      const r = await analyseSensitivity(data, s, s.uncertainty!, { seed: 7, samples: 200, sobolSamples: 0 }, { workers: 0, noLeaveOneOut: true });
      widths.push(meanWidth(r));
      shifts.push(r.shift.mean);
    }
    for (let k = 1; k < widths.length; k++) {
      expect(widths[k]).toBeGreaterThanOrEqual(widths[k - 1]);
      expect(shifts[k]).toBeGreaterThan(shifts[k - 1]);
    }
    expect(widths[0]).toBeGreaterThan(0);
  });

  it("never narrow on average as the Dirichlet concentration falls", async () => {
    const widths: number[] = [];
    for (const alpha of [2000, 200, 20, 2]) {
      const s = withUncertainty(`uncertainty: { weights: { dirichlet: ${alpha} } }`);
      widths.push(meanWidth(await analyseSensitivity(data, s, s.uncertainty!, { seed: 3, samples: 200, sobolSamples: 0 }, { workers: 0, noLeaveOneOut: true })));
    }
    for (let k = 1; k < widths.length; k++) expect(widths[k]).toBeGreaterThanOrEqual(widths[k - 1]);
  });

  it("score every sample exactly as scorePeriod scores the sample's scheme (the cache and the lean path change nothing)", () => {
    const s = withUncertainty("uncertainty: { normalize: [scheme, zscore, rank, percentile], aggregation: [weighted-sum, topsis, vikor], missing: [worst, exclude], outliers: [none, winsorize] }");
    const plan = { seed: 5, samples: 30, sobolSamples: 0 };
    const sampler = new Sampler({ frame: data, scheme: s, uncertainty: s.uncertainty!, plan });
    for (let r = 0; r < plan.samples; r++) {
      const got = sampler.score(r);
      const draw = drawScheme(s, s.uncertainty!, (f) => new Random(plan.seed, 0, r, f));
      const want = scorePeriod(data, draw.scheme);
      expect([...got.rank]).toEqual([...want.rank]);
      expect(got.grade).toEqual(want.grade);
      expect(got.status).toEqual(want.status);
      expect([...got.score]).toEqual([...want.score]);
    }
  });

  it("start from the nominal result, which is scorePeriod's to the byte", async () => {
    const s = withUncertainty("uncertainty: { weights: { noise: 0.3 } }");
    const r = await analyseSensitivity(data, s, s.uncertainty!, { seed: 7, samples: 5, sobolSamples: 0 }, { workers: 0 });
    const a = scorePeriod(data, s);
    expect(Buffer.concat(csvChunks(resultTable(r.nominal), r.nominal.n)).equals(Buffer.concat(csvChunks(resultTable(a), a.n)))).toBe(true);
    expect(r.nominal.warnings).toEqual(a.warnings);
  });

  it("give the same bytes with 0, 1 or 2 worker threads, and sample i depends only on (seed, i)", async () => {
    const s = withUncertainty("uncertainty: { weights: { dirichlet: 30 }, normalize: [minmax, rank], aggregation: [weighted-sum, topsis] }");
    const job = { frame: data, scheme: s, uncertainty: s.uncertainty!, plan: { seed: 11, samples: 60, sobolSamples: 20 } };
    // help: false leaves every run to the workers (this thread would otherwise finish so small a job before they start).
    const runs = [await runAll(job, { workers: 0 }), await runAll(job, { workers: 1, chunk: 7, help: false }), await runAll(job, { workers: 2, chunk: 5, help: false })];
    const nominal = scorePeriod(data, s);
    const csv = runs.map((o) => bytes(intervalsTable(rankIntervals(nominal, s.grading.grades, o)), nominal.n));
    expect(csv[1]).toBe(csv[0]);
    expect(csv[2]).toBe(csv[0]);
    expect([...runs[2].shift]).toEqual([...runs[0].shift]);
    const fewer = await runAll({ ...job, plan: { ...job.plan, samples: 30, sobolSamples: 0 } }, { workers: 0 });
    expect([...fewer.ranks]).toEqual([...runs[0].ranks.subarray(0, 30 * nominal.n)]);
  }, 60_000);

  it("give the same ranks in worker threads for a period read from Arrow, whose text stays undecoded until used", async () => {
    const table = new Table({
      code: vectorFromArray(data.texts.get("code")!, new Utf8()),
      name: vectorFromArray(data.texts.get("name")!, new Utf8()),
      ...Object.fromEntries([...data.numbers].map(([k, v]) => [k, vectorFromArray(Array.from(v), new Float64())])),
    });
    // Clipping outliers names the enterprises whose values it changed: the workers need the ids.
    const s = withUncertainty("uncertainty: { weights: { noise: 0.3 }, outliers: [none, clip] }");
    const arrow = readArrow(tableToIPC(table), "p.arrow", schemeColumns(s));
    expect(arrow.texts).toBeInstanceOf(TextColumns);
    const job = { frame: arrow, scheme: s, uncertainty: s.uncertainty!, plan: { seed: 5, samples: 40, sobolSamples: 0 } };
    const runs = [await runAll(job, { workers: 0 }), await runAll(job, { workers: 2, chunk: 9, help: false })];
    expect([...runs[1].ranks]).toEqual([...runs[0].ranks]);
    expect([...runs[1].grades]).toEqual([...runs[0].grades]);
  }, 60_000);

  it("report grade shares that add up to the share of samples ranked", async () => {
    const s = withUncertainty("uncertainty: { weights: { noise: 0.5 }, missing: [mean-score, exclude] }");
    const r = await analyseSensitivity(data, s, s.uncertainty!, { seed: 2, samples: 80, sobolSamples: 0 }, { workers: 0 });
    for (let i = 0; i < 40; i++) {
      const sum = [...r.intervals.gradeShare.values()].reduce((a, v) => a + v[i], 0);
      expect(sum).toBeCloseTo(r.intervals.rankedShare[i], 12);
    }
    // rd is missing for some: excluded in about half the samples.
    expect(Math.min(...r.intervals.rankedShare.filter((v) => v === v))).toBeLessThan(0.8);
  });
});

describe("any scheme", () => {
  it("has its weights perturbed whatever the weighting method computed them (entropy here), level by level", async () => {
    const base = withUncertainty("uncertainty: { weights: { noise: 0.4 } }");
    const s = { ...base, weighting: { ...(base.weighting as SimpleWeighting), method: "entropy" as const, name: "entropy" } };
    const r = await analyseSensitivity(data, s, s.uncertainty!, { seed: 4, samples: 50, sobolSamples: 0 }, { workers: 0 });
    expect(r.nominal.weights.map((w) => w.weight)).toEqual(scorePeriod(data, s).weights.map((w) => w.weight));
    expect(r.shift.mean).toBeGreaterThan(0);
  });
  it("can draw every aggregation method, rank-sum ratio with its Probit grading included", async () => {
    const s = withUncertainty("uncertainty: { aggregation: [weighted-sum, topsis, weighted-product, vikor, grey-relational, rank-sum-ratio] }");
    const probit = { ...s, aggregation: { ...s.aggregation, method: "rank-sum-ratio" as const }, grading: { method: "rsr-probit" as const, grades: ["A", "B", "C"], veto: "C", labels: {} } };
    for (const scheme of [s, probit]) {
      const r = await analyseSensitivity(data, scheme, s.uncertainty!, { seed: 8, samples: 60, sobolSamples: 0 }, { workers: 0, noLeaveOneOut: true });
      expect(r.shift.mean).toBeGreaterThan(0);
      expect([...r.intervals.gradeShare.keys()]).toEqual(scheme.grading.grades);
    }
  });
});

describe("a sample that cannot be scored", () => {
  it("stops the analysis naming the run and its choices, from this thread or a worker", async () => {
    const s = withUncertainty("uncertainty: { normalize: [minmax, sum] }");
    const negative = { ...s, indicators: s.indicators.map((i) => (i.id === "tax" ? { ...i, column: undefined, formula: "tax - 10" } : i)) };
    for (const workers of [0, 1]) {
      const err = await analyseSensitivity(data, negative, s.uncertainty!, { seed: 1, samples: 20, sobolSamples: 0 }, { workers }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(ParkscoreError);
      expect((err as ParkscoreError).message).toMatch(/uncertainty: run \d+ \(normalize sum\) cannot be scored: .*"sum" normalisation .* needs values ≥ 0.*Fix: remove that choice/);
    }
  }, 60_000);
});

describe("Sobol indices of the mean absolute rank shift", () => {
  it("give an assumption that changes nothing a total index of 0, and one that matters a positive one", async () => {
    const s = withUncertainty("uncertainty: { weights: { noise: 0.6 }, parameters: [{ name: rules-cap, range: [1, 9] }] }");
    const r = await analyseSensitivity(data, s, s.uncertainty!, { seed: 7, samples: 100, sobolSamples: 100 }, { workers: 0, bootstrap: 200 });
    const [weights, cap] = r.sobol;
    expect(weights.factor).toBe("weights");
    expect(cap.total).toBe(0); // no adjustment rule: the cap never acts, AB_cap reproduces A exactly
    expect(cap.first).toBeCloseTo(0, 12);
    expect(weights.total).toBeGreaterThan(0.9);
    expect(weights.totalLow).toBeLessThanOrEqual(weights.total);
    expect(r.runs).toBe(100 + 100 * 3);
  });
});
