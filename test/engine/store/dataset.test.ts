import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { sha256 } from "../../../engine/hash.js";
import { importPeriod, initDataset, latestRevision, listPeriods, listRevisions, openDataset, readStoredPeriod } from "../../../engine/store/dataset.js";
import { withLock } from "../../../engine/store/lock.js";
import { findRun, latestRun, listRuns, scoreStored } from "../../../engine/store/runs.js";
import { readRun, RunFileBuffer } from "../../../engine/store/run-scores.js";
import { tempDir } from "../../cli/helpers.js";
import { MERGED_DEMO } from "../../merged-demo.js";


function demoDataset(): string {
  const dir = join(tempDir(), "ds");
  initDataset(dir);
  copyFileSync(MERGED_DEMO.scheme, join(dir, "scheme.yaml"));
  return dir;
}

describe("a dataset on disk", { timeout: 30_000 }, () => {
  it("starts with a commented scheme template that loads", async () => {
    const dir = join(tempDir(), "fresh");
    initDataset(dir);
    const text = readFileSync(join(dir, "scheme.yaml"), "utf8");
    expect(text).toMatch(/^# parkscore scheme/);
    expect(() => initDataset(dir)).toThrow(/already a parkscore dataset/);
  });

  it("stores every import as a new revision and never rewrites an old one", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    const first = readFileSync(join(dir, "periods", "2025", "r0001.arrow"));
    await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    const revs = listRevisions(dir, "2025");
    expect(revs.map((r) => r.revision)).toEqual([1, 2]);
    expect(revs[1].source.sha256).toBe(sha256(readFileSync(MERGED_DEMO.csv(2025))));
    expect(readFileSync(join(dir, "periods", "2025", "r0001.arrow"))).toEqual(first);
    expect(readFileSync(join(dir, revs[0].source.stored))).toEqual(readFileSync(MERGED_DEMO.csv(2025)));
    expect(revs[0].sha256).toBe(sha256(first));
  });

  it("refuses a file that does not fit the scheme, storing nothing", async () => {
    const dir = demoDataset();
    const bad = join(tempDir(), "bad.csv");
    writeFileSync(bad, "企业代码,企业名称\nx,y\n");
    await expect(importPeriod(dir, "2025", bad)).rejects.toThrow(/is missing/);
    expect(listPeriods(dir)).toEqual([]);
  });

  it("reads a stored period zero-copy from Arrow", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2024", MERGED_DEMO.csv(2024));
    const { frame, revision } = await readStoredPeriod(dir, "2024");
    expect(frame.nrows).toBe(revision.rows);
    const tax = frame.numbers.get("tax")!;
    expect(tax.buffer.byteLength).toBeGreaterThan(tax.byteLength); // a view over the file's buffer, not a copy
  });

  it("keeps each run; a changed scheme makes a new run and leaves the old one as it was", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    const a = await scoreStored(dir, "2025");
    const before = readFileSync(join(a.dir, "scores.csv"));
    const scheme = readFileSync(join(dir, "scheme.yaml"), "utf8").replace("cap: 2\n", "cap: 1.5\n");
    writeFileSync(join(dir, "scheme.yaml"), scheme);
    const b = await scoreStored(dir, "2025");
    expect(listRuns(dir, "2025")).toEqual([a.id, b.id].sort());
    expect(latestRun(dir, "2025").id).toBe(b.id);
    expect(readFileSync(join(a.dir, "scores.csv"))).toEqual(before);
    expect(b.manifest.scheme.sha256).not.toBe(a.manifest.scheme.sha256);
    expect((await readRun(latestRun(dir, "2025"))).scores.ids.length).toBe(260); // the demo's 2025: 260 participants
  });

  it("gives the same scores from the store as from the file", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2023", MERGED_DEMO.csv(2023));
    const run = await scoreStored(dir, "2023");
    const { scorePeriod } = await import("../../../engine/score/period.js");
    const { loadPeriodInput } = await import("../../../engine/store/input.js");
    const direct = await loadPeriodInput(join(dir, "scheme.yaml"), MERGED_DEMO.csv(2023));
    const r = scorePeriod(direct.frame, direct.scheme);
    const stored = (await readRun(run)).scores;
    expect(Array.from(stored.score)).toEqual(Array.from(r.score));
  });

  it("lets one writer in at a time, with a clear message for the second", async () => {
    const dir = demoDataset();
    await withLock(dir, "import 2025", async () => {
      await expect(withLock(dir, "score 2025", () => 1)).rejects.toThrow(ParkscoreError);
      await expect(withLock(dir, "score 2025", () => 1)).rejects.toThrow(/being written by another parkscore \(import 2025, process \d+/);
    });
    expect(readdirSync(dir)).not.toContain(".lock");
    expect(await withLock(dir, "score", () => 2)).toBe(2);
  });
});

const plain = (s: Awaited<ReturnType<typeof readRun>>["scores"]) => ({ period: s.period, ids: s.ids, names: s.names, status: s.status, score: s.score, rank: s.rank, grade: s.grade });

describe("the run that counts for a period", { timeout: 30_000 }, () => {
  it("is the latest run of the latest revision with the current scheme, or none", async () => {
    const dir = demoDataset();
    const schemeFile = join(dir, "scheme.yaml");
    const original = readFileSync(schemeFile, "utf8");
    const scheme = () => openDataset(dir).scheme;
    await importPeriod(dir, "2025", MERGED_DEMO.csv(2025));
    expect(findRun(dir, "2025", scheme())).toBeUndefined(); // never scored

    const a = await scoreStored(dir, "2025");
    expect(findRun(dir, "2025", scheme())?.id).toBe(a.id);

    // Another scheme: the run made with the first no longer counts, until one is made with it.
    writeFileSync(schemeFile, original.replace("cap: 2\n", "cap: 1.5\n"));
    expect(findRun(dir, "2025", scheme())).toBeUndefined();
    const b = await scoreStored(dir, "2025");
    expect(findRun(dir, "2025", scheme())?.id).toBe(b.id);

    // The first scheme again: its run scored this revision with it, so it counts again, though not the latest.
    writeFileSync(schemeFile, original);
    expect(findRun(dir, "2025", scheme())?.id).toBe(a.id);

    // A new revision (one figure corrected): no run scored it.
    const corrected = join(tempDir(), "2025.csv");
    writeFileSync(corrected, readFileSync(MERGED_DEMO.csv(2025), "utf8").replace(/,(\d+)\.(\d\d),/, (_, units: string, cents: string) => `,${Number(units) + 1}.${cents},`));
    await importPeriod(dir, "2025", corrected);
    expect(findRun(dir, "2025", scheme())).toBeUndefined();
    const c = await scoreStored(dir, "2025");
    expect(c.manifest.revision?.revision).toBe(2);
    expect(findRun(dir, "2025", scheme())?.id).toBe(c.id);
    // Asked about the earlier revision, the rule finds the run made from it.
    const first = { ...latestRevision(dir, "2025"), revision: 1, sha256: a.manifest.revision!.sha256 };
    expect(findRun(dir, "2025", scheme(), first)?.id).toBe(a.id);
  });
});

describe("reading a run", { timeout: 30_000 }, () => {
  it("gives the same scores from the file as from bytes read ahead, and from unreadable bytes through the file", async () => {
    const dir = demoDataset();
    await importPeriod(dir, "2023", MERGED_DEMO.csv(2023));
    const run = await scoreStored(dir, "2023");
    const indicators = openDataset(dir).scheme.indicators.map((i) => i.id);
    const fromFile = await readRun(run, indicators);
    const buffer = new RunFileBuffer();
    const bytes = (await buffer.read(run))!;
    const fromBytes = await readRun(run, indicators, { bytes });
    // The buffer is reused: overwriting it must not change what was read from it.
    bytes.fill(0);
    const names = fromBytes.scores.ids.map((_, i) => fromBytes.scores.nameOf!(i));
    const garbage = await readRun(run, indicators, { bytes });
    for (const r of [fromBytes, garbage]) {
      expect(plain(r.scores)).toEqual(plain(fromFile.scores));
      expect([...r.values.keys()]).toEqual(indicators);
      for (const id of indicators) expect(Array.from(r.values.get(id)!)).toEqual(Array.from(fromFile.values.get(id)!));
    }
    expect(names).toEqual(fromFile.scores.names);
    // Ranks: the published ranks, 0 where not graded.
    const s = fromFile.scores;
    s.status.forEach((st, i) => (st === "graded" ? expect(s.rank[i]).toBeGreaterThan(0) : expect(s.rank[i]).toBe(0)));
    expect(s.ids.length).toBe(run.manifest.counts.enterprises);
  });
});
