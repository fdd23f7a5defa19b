import { describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetManifest } from "../../../notebooks/runtime/manifest.js";

const DEMO = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");
const sha = (x: string | Buffer) => createHash("sha256").update(x).digest("hex");

/** The definition, computed from the files alone (not through the engine). */
function independent(dir: string): string {
  let text = `scheme ${sha(readFileSync(join(dir, "scheme.yaml")))}\n`;
  for (const p of readdirSync(join(dir, "periods")).sort()) {
    const revs = readdirSync(join(dir, "periods", p)).filter((f) => /^r\d+\.json$/.test(f)).sort();
    text += `${p} ${JSON.parse(readFileSync(join(dir, "periods", p, revs[revs.length - 1]), "utf8")).sha256}\n`;
  }
  return sha(text);
}

describe("dataset manifest hash", () => {
  test("is sha256 over the scheme's hash and each period's latest revision hash", () => {
    const m = datasetManifest(DEMO);
    expect(m.hash).toBe(independent(DEMO));
    expect(m.periods.map((p) => p.period)).toEqual(readdirSync(join(DEMO, "periods")).sort());
    expect(m.schemeHash).toBe(sha(readFileSync(join(DEMO, "scheme.yaml"))));
  });

  test("changes when the scheme changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "parkscore-nb-"));
    cpSync(DEMO, dir, { recursive: true });
    const before = datasetManifest(dir).hash;
    appendFileSync(join(dir, "scheme.yaml"), "\n# edited\n");
    const after = datasetManifest(dir).hash;
    expect(after).not.toBe(before);
    expect(after).toBe(independent(dir));
  });
});
