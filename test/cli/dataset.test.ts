/**
 * The dataset workflow as the evaluator sees it: `import` and `score DIR` print the warnings that
 * `score --input` prints on the same data and keep them (revision record, run manifest); `history`
 * lists each period's runs; a dead writer's leftovers are removed with one line saying so. Run
 * in-process: what is tested is what the commands print, not the process.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

// A division by zero (E1's b), an indicator one enterprise did not report (c), weights that do not add up to 1.
const SCHEME = `id: id
name: name
indicators:
  - { id: ratio, label: { zh: 比率, en: Ratio }, formula: a / b, direction: benefit, weight: 0.6, normalize: minmax }
  - { id: c, label: { zh: C, en: C }, column: c, direction: benefit, weight: 0.6, normalize: minmax }
aggregation: { method: weighted-sum }
grading: { method: quotas, quotas: { A: 0.5, B: 0.5 } }
`;
const DATA = "id,name,a,b,c,note\nE1,甲,1,0,1,x\nE2,乙,2,4,2,y\nE3,丙,3,5,3,z\nE4,丁,4,8,,w\n";

async function dataset(): Promise<{ dir: string; data: string; scheme: string }> {
  const root = tempDir();
  const dir = join(root, "ds");
  expect((await cli(["init", dir])).code).toBe(0);
  writeFileSync(join(dir, "scheme.yaml"), SCHEME);
  writeFileSync(join(root, "scheme.yaml"), SCHEME);
  writeFileSync(join(root, "p.csv"), DATA);
  return { dir, data: join(root, "p.csv"), scheme: join(root, "scheme.yaml") };
}

/** The warning lines a command printed, without the file each names (the delivered file, or the stored revision). */
function warningLines(stdout: string): string[] {
  const at = stdout.indexOf("warning(s):\n");
  expect(at).toBeGreaterThanOrEqual(0);
  const n = Number(stdout.slice(0, at).match(/(\d+) $/)![1]);
  return stdout.slice(at).split("\n").slice(1, 1 + n).map((l) => l.replace(/^ {2}[^:]+: /, ""));
}

describe("the dataset commands", { timeout: 60_000 }, () => {
  it("import and score DIR print the warnings score --input prints, and keep them", async () => {
    const { dir, data, scheme } = await dataset();
    const direct = await cli(["score", "--scheme", scheme, "--input", data, "--out", join(dir, "..", "out")]);
    expect(direct.code).toBe(0);
    const expected = warningLines(direct.stdout);
    expect(expected).toEqual([
      'indicators[0].formula "a / b": division by zero in 1 row(s) (rows 2): treated as missing',
      "1 graded enterprise(s) have no ratio: scored 0 (missing: worst)",
      "1 graded enterprise(s) have no c: scored 0 (missing: worst)",
      "the weights of the indicators add up to 1.2, not 1: they are rescaled to 1",
    ]);

    const imported = await cli(["import", dir, "--period", "2025", data]);
    expect(imported.code).toBe(0);
    expect(warningLines(imported.stdout)).toEqual(expected);
    const record = JSON.parse(readFileSync(join(dir, "periods", "2025", "r0001.json"), "utf8"));
    expect(record.warnings.map((w: { message: string }) => w.message)).toEqual(expected);

    const scored = await cli(["score", dir, "--period", "2025"]);
    expect(scored.code).toBe(0);
    expect(warningLines(scored.stdout)).toEqual(expected);
    const run = scored.stdout.match(/→ (\S+)/)![1];
    const manifest = JSON.parse(readFileSync(join(run, "manifest.json"), "utf8"));
    expect(manifest.warnings.map((w: { message: string }) => w.message)).toEqual(expected);
  });

  it("import stores a period the scheme cannot score, with the reason score --input gives as its warning", async () => {
    const { dir, data, scheme } = await dataset();
    // A benchmark ratio over the period's mean, and a column that is 0 for everyone: no benchmark to divide by.
    const broken = SCHEME.replace("normalize: minmax }\n  - { id: c", "normalize: minmax }\n  - { id: zero, label: { zh: Z, en: Z }, formula: a * 0, direction: benefit, weight: 0.6, normalize: { method: benchmark-ratio, benchmark: mean } }\n  - { id: c");
    writeFileSync(join(dir, "scheme.yaml"), broken);
    writeFileSync(scheme, broken);
    const direct = await cli(["score", "--scheme", scheme, "--input", data, "--out", join(dir, "..", "out")]);
    expect(direct.code).toBe(1);
    const [, path, reason] = direct.stderr.match(/: (indicators\[\d\]\.normalize): (.*)$/m)!;
    expect(reason).toContain("the benchmark is 0 (mean)");
    const imported = await cli(["import", dir, "--period", "2025", data]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("stored as periods/2025/r0001.arrow (6 columns)");
    expect(warningLines(imported.stdout)).toEqual([`${path}: the period cannot be scored: ${reason}`]);
    const scored = await cli(["score", dir, "--period", "2025"]);
    expect(scored.code).toBe(1);
    expect(scored.stderr).toContain("the benchmark is 0 (mean)");
  });

  it("history lists each period's runs: id, when, revision, scheme, counts, and the one that counts", async () => {
    const { dir, data } = await dataset();
    await cli(["import", dir, "--period", "2025", data]);
    const first = (await cli(["score", dir, "--period", "2025"])).stdout.match(/runs\/2025\/(\S+)/)![1];
    writeFileSync(join(dir, "scheme.yaml"), SCHEME.replace("A: 0.5, B: 0.5", "A: 0.25, B: 0.75"));
    const second = (await cli(["score", dir, "--period", "2025"])).stdout.match(/runs\/2025\/(\S+)/)![1];
    const manifest = (id: string) => JSON.parse(readFileSync(join(dir, "runs", "2025", id, "manifest.json"), "utf8"));

    const h = await cli(["history", dir, "--period", "2025"]);
    expect(h.code).toBe(0);
    // Normalised ratio (E1's missing: the worst) 0, 0, 1, 0 and c 0, 0.5, 1, missing: scores E3 > E2 > E1 = E4.
    // A quota of A 0.5 gives E3 and E2; A 0.25 gives E3 alone.
    const line = (id: string) => h.stdout.split("\n").find((l) => l.startsWith(id))!.split(/ {2,}/);
    expect(line(first)).toEqual([first, manifest(first).created.replace("T", " ").slice(0, 19), "1", manifest(first).scheme.sha256.slice(0, 12), "4 of 4", "A 2 · B 2", "4"]);
    expect(line(second)).toEqual([second, manifest(second).created.replace("T", " ").slice(0, 19), "1", manifest(second).scheme.sha256.slice(0, 12), "4 of 4", "A 1 · B 3", "4", "yes"]);

    // A corrected file: the latest run no longer scored what is stored, so none counts, and history says what to run.
    writeFileSync(data, DATA.replace("E4,丁,4,8", "E4,丁,5,8"));
    await cli(["import", dir, "--period", "2025", data]);
    const after = await cli(["history", dir]);
    expect(after.stdout).not.toMatch(/ yes\n/);
    expect(after.stdout).toContain(`no run of 2025 counts: none scored its latest revision with the scheme as it is now (score it again with: parkscore score ${dir} --period 2025)`);
  });

  it("import removes what a killed import left, saying so in one line", async () => {
    const { dir, data } = await dataset();
    const folder = join(dir, "periods", "2025");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `.r0001.arrow.${2 ** 22 + 1}.mfx3k2a1.tmp`), Buffer.alloc(2_500_000)); // above any Linux pid_max: no such process
    const r = await cli(["import", dir, "--period", "2025", data]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("removed 1 temporary file (2.5 MB) left by a parkscore stopped mid-write");
    const again = await cli(["import", dir, "--period", "2025", data]);
    expect(again.stdout).not.toContain("removed");
  });

  it("score --all tries every period, and names every one that lacks a column, each with its import line", async () => {
    const { dir, data } = await dataset();
    for (const p of ["2023", "2024", "2025"]) await cli(["import", dir, "--period", p, data]);
    writeFileSync(data, DATA.replace(",note\n", ",note,d\n").replace(/,([xyzw])\n/g, ",$1,1\n"));
    await cli(["import", dir, "--period", "2024", data]);
    writeFileSync(join(dir, "scheme.yaml"), SCHEME.replace("column: c,", "column: d,"));
    const r = await cli(["score", dir, "--all"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^2024: 4 graded of 4 /m);
    expect(r.stderr.split("\n")[0]).toBe("parkscore: 2 problems:");
    for (const p of ["2023", "2025"]) expect(r.stderr).toContain(`period ${p}, revision 1 has no such column`);
  });

  it("a column the stored revision lacks is one clear error, exit 1", async () => {
    const { dir, data } = await dataset();
    await cli(["import", dir, "--period", "2025", data]);
    writeFileSync(join(dir, "scheme.yaml"), SCHEME.replace("column: c,", "column: d,"));
    const r = await cli(["score", dir, "--all"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('column "d": period 2025, revision 1 has no such column');
    expect(r.stderr).toContain(`Fix: import the period again from a file that has the column: parkscore import ${dir} --period 2025 FILE`);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });
});
