/** A five-enterprise period scored by hand, for the report model tests. */
import { buildReportModel, type ReportModel } from "../../../engine/report/model.js";
import { scorePeriod } from "../../../engine/score/period.js";
import type { PeriodScores } from "../../../engine/dynamic/panel.js";
import type { Revision } from "../../../engine/store/dataset.js";
import { frame, scheme } from "../score/fixtures.js";

/**
 * a: benchmark ratio, mean benchmark, cap 2, weight 0.6; b: min-max, weight 0.4; score = 100 Σ w r.
 *   a = 10 20 30 40 100 → mean 40 → r_a = 0.25 0.5 0.75 1 2 (2.5 capped)
 *   b = 0 5 10 5 10     → min 0, max 10 → r_b = 0 0.5 1 0.5 1
 *   score = 15 50 85 80 160 → ranks E5 1, E3 2, E4 3, E2 4, E1 5
 *   quotas A .2 B .4 C .4 → E5 A; E3, E4 B; E2, E1 C. Lowest score in A 160, in B 80.
 * Parks: P1 = E1 E2 E3, P2 = E4 E5 (two: its aggregates are suppressed).
 */
export const SCHEME_YAML = `
title: { zh: 测试评价, en: Test evaluation }
id: code
name: name
carry: [park]
indicators:
  - { id: a, label: { zh: 甲指标, en: Indicator A }, unit: 万元/亩, column: a, direction: benefit, weight: 0.6,
      normalize: { method: benchmark-ratio, benchmark: mean, factor: 1, cap: 2 } }
  - { id: b, label: { zh: 乙指标, en: Indicator B }, unit: 吨, column: b, direction: benefit, weight: 0.4, normalize: minmax }
aggregation: { method: weighted-sum, scale: 100 }
grading: { method: quotas, quotas: { A: 0.2, B: 0.4, C: 0.4 } }
`;
export const SCHEME = scheme(SCHEME_YAML);

export const FRAME = frame(
  { code: ["E1", "E2", "E3", "E4", "E5"], name: ["一号", "二号", "三号", "四号", "五号"], park: ["P1", "P1", "P1", "P2", "P2"] },
  { a: [10, 20, 30, 40, 100], b: [0, 5, 10, 5, 10] },
);

export const REVISION: Revision = {
  period: "2025",
  revision: 1,
  file: "periods/2025/r0001.arrow",
  sha256: "0".repeat(64),
  rows: 5,
  source: { name: "2025.csv", stored: "periods/2025/r0001.source.csv", sha256: "1".repeat(64), bytes: 100 },
  importedAt: "2026-01-02T03:04:05.000Z",
  importedBy: "test",
  scheme: "2".repeat(64),
  parkscore: "0.1.0",
};

/** 2024: E1–E4 only, ranked E1 1, E2 2, E3 3, E4 4 (E5 enters in 2025). */
export const HISTORY: PeriodScores = {
  period: "2024",
  ids: ["E1", "E2", "E3", "E4"],
  names: ["一号", "二号", "三号", "四号"],
  status: ["graded", "graded", "graded", "graded"],
  score: Float64Array.from([90, 70, 60, 50]),
  rank: Int32Array.from([1, 2, 3, 4]),
  grade: ["A", "B", "B", "C"],
};

export function model(lang: "zh" | "en" = "zh", s = SCHEME): ReportModel {
  return buildReportModel({ period: "2025", scheme: s, revision: REVISION, result: scorePeriod(FRAME, s), history: [HISTORY] }, { lang });
}

/**
 * For the card tests: b normalised against a fixed target of 10 instead of the period's min and max
 * (the same values here: r_b = b/10), which the cards may print, and aggregates over groups of 3.
 */
export const CARD_SCHEME = scheme(SCHEME_YAML.replace("normalize: minmax", "normalize: { method: target, floor: 0, target: 10 }") + "disclosure: { min_group: 3 }\n");
