/** Look-alike ids are kept apart and warned about by import, score and validate (issue 17, section 4). */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCommand } from "../../cli/commands/import.js";
import { initCommand } from "../../cli/commands/init.js";
import { scoreCommand } from "../../cli/commands/score.js";
import { validateCommand } from "../../cli/commands/validate.js";
import { tempDir } from "./helpers.js";
import { inProcess } from "./in-process.js";

const dir = tempDir();
const scheme = join(dir, "s.yaml");
writeFileSync(scheme, "id: code\nname: name\nindicators:\n  - { id: x, column: x, direction: benefit }\ngrading: { method: bands, bands: { A: 50, B: 0 } }\n");
const input = join(dir, "p.csv");
writeFileSync(input, "code,name,x\nE001,甲,1\n\u0415001,乙,2\n\uff25001,丙,3\nE\u200b001,丁,4\nE002,戊,5\n");
const WARNING = /"E001" \(row 2\) vs "\u0415001" \(row 3: U\+0415\) vs "\uff25001" \(row 4: U\+FF25\) vs "E\u200b001" \(row 5: U\+200B\)/;

describe("look-alike ids", { timeout: 60_000 }, () => {
  it("score --input scores five enterprises and warns once", async () => {
    const r = await inProcess(scoreCommand, ["--scheme", scheme, "--input", input, "--out", join(tempDir(), "o")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("5 enterprises");
    expect(r.stdout.match(new RegExp(WARNING, "g"))).toHaveLength(1);
  });
  it("validate warns", async () => {
    const r = await inProcess(validateCommand, ["--scheme", scheme, "--input", input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(WARNING);
  });
  it("import warns, and the stored period's run keeps the warning in its manifest", async () => {
    const ds = join(tempDir(), "ds");
    await inProcess(initCommand, [ds]);
    writeFileSync(join(ds, "scheme.yaml"), readFileSync(scheme));
    const r = await inProcess(importCommand, [ds, input, "--period", "2025"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(WARNING);
    expect((await inProcess(scoreCommand, [ds, "--period", "2025"])).code).toBe(0);
    const [run] = readdirSync(join(ds, "runs", "2025"));
    const manifest = JSON.parse(readFileSync(join(ds, "runs", "2025", run, "manifest.json"), "utf8"));
    expect(manifest.warnings.filter((w: { code: string }) => w.code === "data.look-alike-key")).toHaveLength(1);
  });
});
