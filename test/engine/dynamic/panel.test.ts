import { describe, expect, it } from "vitest";
import { buildPanel, panelRows, type Panel, type PeriodScores } from "../../../engine/dynamic/panel.js";

/** buildPanel as first written (a Map lookup per row, twice): the reference the aligned one must equal. */
function referencePanel(results: PeriodScores[]): Panel {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const names: string[] = [];
  for (const r of results)
    r.ids.forEach((id, i) => {
      let k = index.get(id);
      if (k === undefined) {
        index.set(id, (k = ids.length));
        ids.push(id);
        names.push(r.names[i]);
      } else names[k] = r.names[i];
    });
  const m = ids.length;
  const panel: Panel = { periods: results.map((r) => r.period), ids, names, score: [], rank: [], grade: [], present: [] };
  for (const r of results) {
    const score = new Float64Array(m).fill(NaN);
    const rank = new Int32Array(m);
    const grade: string[] = new Array(m).fill("");
    const present = new Uint8Array(m);
    r.ids.forEach((id, i) => {
      const k = index.get(id)!;
      present[k] = 1;
      if (r.status[i] !== "graded") return;
      score[k] = r.score[i];
      rank[k] = r.rank[i];
      grade[k] = r.grade[i];
    });
    panel.score.push(score);
    panel.rank.push(rank);
    panel.grade.push(grade);
    panel.present.push(present);
  }
  return panel;
}

function rng(seed: number): () => number {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/**
 * Periods of a park where firms enter, exit, come back, get renamed, are not graded, and — in
 * `order` "shuffled" or "reversed" periods — are listed in another order; a few ids twice in a period.
 */
function randomPeriods(seed: number, p: number, order: "kept" | "shuffled" | "reversed" | "mixed"): PeriodScores[] {
  const rnd = rng(seed);
  let alive = Array.from({ length: 40 }, (_, i) => `E${i}`);
  let next = 40;
  const out: PeriodScores[] = [];
  for (let k = 0; k < p; k++) {
    alive = alive.filter(() => rnd() > 0.15);
    for (let e = 0; e < 6; e++) alive.splice(Math.floor(rnd() * (alive.length + 1)), 0, `E${next++}`);
    if (rnd() < 0.3) alive.push(`E${Math.floor(rnd() * next)}`); // one coming back (or listed twice)
    let ids = alive.slice();
    const how = order === "mixed" ? (["kept", "shuffled", "reversed"] as const)[k % 3] : order;
    if (how === "reversed") ids.reverse();
    if (how === "shuffled")
      for (let i = ids.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [ids[i], ids[j]] = [ids[j], ids[i]];
      }
    if (rnd() < 0.5) ids = [...ids, ids[Math.floor(rnd() * ids.length)]]; // a duplicate row
    const n = ids.length;
    out.push({
      period: String(2020 + k),
      ids,
      names: ids.map((id) => `${id} ${rnd() < 0.2 ? "renamed " + k : "Ltd"}`),
      status: ids.map(() => (rnd() < 0.8 ? "graded" : rnd() < 0.5 ? "not-graded" : "excluded")),
      score: Float64Array.from({ length: n }, () => Math.round(rnd() * 1000) / 10),
      rank: Int32Array.from({ length: n }, () => 1 + Math.floor(rnd() * n)),
      grade: ids.map(() => "ABCD"[Math.floor(rnd() * 4)]),
    });
  }
  return out;
}

describe("buildPanel", () => {
  for (const order of ["kept", "shuffled", "reversed", "mixed"] as const)
    it(`aligns the periods exactly as a lookup per row does (periods listed ${order})`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const periods = randomPeriods(seed * 7919, 2 + (seed % 6), order);
        expect(buildPanel(periods)).toEqual(referencePanel(periods));
      }
    });

  it("takes each name from the enterprise's latest row, asking a lazy reader for that row only", () => {
    const periods = randomPeriods(4242, 5, "mixed");
    const asked: string[] = [];
    const lazy = periods.map((r) => ({
      ...r,
      get names(): string[] {
        throw new Error("the whole names column was decoded");
      },
      nameOf: (i: number) => {
        asked.push(`${r.period}:${i}`);
        return r.names[i];
      },
    }));
    const panel = buildPanel(lazy);
    expect(panel.names).toEqual(referencePanel(periods).names);
    expect(asked.length).toBe(panel.ids.length);
  });
});

describe("panelRows", () => {
  it("gives the alignment buildPanel did, and looks ids up for another panel (−1 where absent)", () => {
    const periods = randomPeriods(99, 4, "mixed");
    const panel = buildPanel(periods);
    for (const r of periods) {
      const at = panelRows(r, panel.ids);
      expect(Array.from(at)).toEqual(r.ids.map((id) => panel.ids.indexOf(id)));
    }
    const other = ["E1", "E2", ...panel.ids.slice(5)];
    const at = panelRows(periods[3], other);
    expect(Array.from(at)).toEqual(periods[3].ids.map((id) => other.indexOf(id)));
  });
});
