import { describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import YAML from "yaml";
import { datasetManifest } from "../../../notebooks/runtime/manifest.js";

const DEMO = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");
const sha = (x: string | Buffer) => createHash("sha256").update(x).digest("hex");

/**
 * The definition, computed from the files alone (not through the engine). A period delivered by
 * department (periods/P/sources/ID/) is fingerprinted by its sources' latest revisions, in the order
 * of the scheme's sources: sha256 over "<source> <revision> <sha256>\n" for each.
 */
function independent(dir: string): string {
  const schemeText = readFileSync(join(dir, "scheme.yaml"));
  const sources = ((YAML.parse(schemeText.toString("utf8")).sources ?? []) as unknown[]).flatMap((s) => (typeof s === "object" && s !== null ? [(s as { id: string }).id] : []));
  const latest = (folder: string) => {
    const revs = readdirSync(folder).filter((f) => /^r\d+\.json$/.test(f)).sort();
    return revs.length ? (JSON.parse(readFileSync(join(folder, revs[revs.length - 1]), "utf8")) as { revision: number; sha256: string }) : undefined;
  };
  let text = `scheme ${sha(schemeText)}\n`;
  for (const p of readdirSync(join(dir, "periods")).sort()) {
    const folder = join(dir, "periods", p);
    if (!existsSync(join(folder, "sources"))) {
      text += `${p} ${latest(folder)!.sha256}\n`;
      continue;
    }
    const used = sources.flatMap((id) => {
      const r = existsSync(join(folder, "sources", id)) ? latest(join(folder, "sources", id)) : undefined;
      return r ? [`${id} ${r.revision} ${r.sha256}\n`] : [];
    });
    text += `${p} ${sha(used.join(""))}\n`;
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
