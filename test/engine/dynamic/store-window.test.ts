import { cpSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPanel, type PeriodScores } from "../../../engine/dynamic/panel.js";
import { openDataset } from "../../../engine/store/dataset.js";
import { windowCube } from "../../../engine/dynamic/cube.js";
import { readRun } from "../../../engine/store/run-scores.js";
import { findRun, scoreStored } from "../../../engine/store/runs.js";
import { loadWindow, type WindowPeriod } from "../../../engine/store/window.js";
import type { Scheme } from "../../../engine/scheme/types.js";
import { ROOT, tempDir } from "../../cli/helpers.js";

// The window the dynamic evaluation reads: runs are read from bytes read ahead into reused buffers,
// which must give what readRun gives reading the file itself, and feed the panel and the cube alike.

/** windowCube as first written: a Map lookup per row, NaN-filled columns. */
function referenceCube(window: WindowPeriod[], ids: string[], scheme: Scheme): Float64Array[][] {
  const index = new Map(ids.map((id, i) => [id, i]));
  return window.map((w) => {
    const at = Int32Array.from(w.scores.ids, (id, i) => (w.scores.status[i] === "graded" ? index.get(id)! : -1));
    return scheme.indicators.map((ind) => {
      const col = new Float64Array(ids.length).fill(NaN);
      const v = w.values.get(ind.id)!;
      for (let i = 0; i < at.length; i++) if (at[i] >= 0) col[at[i]] = (ind.direction === "cost" ? -1 : 1) * v[i];
      return col;
    });
  });
}

const plain = (s: PeriodScores) => ({ period: s.period, ids: s.ids, names: s.names, status: s.status, score: s.score, rank: s.rank, grade: s.grade });

describe("the store's window of periods", () => {
  const dir = join(tempDir(), "ds");
  const periods = ["2021", "2022", "2023", "2024", "2025"];
  const notes: string[] = [];
  let scheme: Scheme;
  let window: WindowPeriod[];
  let reference: WindowPeriod[];
  beforeAll(async () => {
    cpSync(join(ROOT, "datasets", "demo"), dir, { recursive: true });
    // 2023 keeps no run: it is scored in memory.
    for (const p of periods) if (p !== "2023") await scoreStored(dir, p);
    scheme = openDataset(dir).scheme;
    window = await loadWindow(dir, scheme, periods, notes);
    reference = await Promise.all(
      periods.map(async (p, k) => {
        const run = findRun(dir, p, scheme);
        return run ? { ...(await readRun(run, scheme.indicators.map((i) => i.id))), run } : window[k];
      }),
    );
  });

  it("says once which periods it scored in memory", async () => {
    const more: string[] = [];
    await loadWindow(dir, scheme, ["2019", "2020", "2021"], more);
    expect(more).toEqual([`periods 2019, 2020 have no run of their latest revision with the current scheme: scored in memory (keep them with: parkscore score ${dir} --all)`]);
  });

  it("reads each run as readRun does, names included", () => {
    expect(notes).toEqual([expect.stringMatching(/^period 2023 has no run of its latest revision with the current scheme/)]);
    window.forEach((w, k) => {
      expect(w.run?.id).toBe(reference[k].run?.id);
      const s = w.scores;
      if (s.nameOf) s.ids.forEach((_, i) => expect(s.nameOf!(i)).toBe(reference[k].scores.names[i]));
      expect(plain(s)).toEqual(plain(reference[k].scores));
      expect([...w.values.keys()]).toEqual([...reference[k].values.keys()]);
      for (const [id, v] of w.values) expect(Array.from(v)).toEqual(Array.from(reference[k].values.get(id)!));
    });
    expect(window.filter((w) => w.scores.nameOf).length).toBe(4);
    expect(window.flatMap((w) => w.scores.status).filter((s) => s !== "graded").length).toBeGreaterThan(0);
  });

  it("builds the same panel and the same cube", async () => {
    // A fresh read, so that the names are decoded on demand by buildPanel.
    const fresh = await loadWindow(dir, scheme, periods, []);
    const panel = buildPanel(fresh.map((w) => w.scores));
    const expected = buildPanel(reference.map((w) => plain(w.scores)));
    expect(panel).toEqual(expected);
    // Every other indicator taken as a cost, to see the sign turned.
    const mixed = { ...scheme, indicators: scheme.indicators.map((ind, j) => (j % 2 ? { ...ind, direction: "cost" as const } : ind)) };
    expect(windowCube(fresh, panel.ids, mixed)).toEqual(referenceCube(reference, expected.ids, mixed));
    // With ids the window was not aligned to, the cube looks them up.
    const ids = panel.ids.slice().reverse();
    expect(windowCube(fresh, ids, mixed)).toEqual(referenceCube(reference, ids, mixed));
  });
});
