/**
 * Reading standard files from disk: the standard, its `base:` (a path relative to it), and the
 * GB/T 4754 correspondence `gbt4754-divisions.yaml` next to the national standard. The only file
 * I/O of engine/admission besides store.ts; the parsing and resolution are pure (standards.ts).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { ParkscoreError } from "../errors.js";
import { sha256 } from "../hash.js";
import { industryTableSchema, type IndustryTable } from "../admission/industry.js";
import { parseStandardText, resolveStandard, type Standard } from "../admission/standards.js";

export const INDUSTRY_TABLE_FILE = "gbt4754-divisions.yaml";

function readYaml(file: string, what: string): { data: unknown; hash: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ParkscoreError({ code: "standard.unreadable", file, message: `cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, fix: "check the path (--standard takes a .yaml file under datasets/standards/)" });
  }
  try {
    return { data: parse(bytes.toString("utf8").replace(/^\uFEFF/, "")), hash: sha256(bytes) };
  } catch (e) {
    throw new ParkscoreError({ code: "standard.syntax", file, message: `not valid YAML: ${(e as Error).message.split("\n")[0]}` });
  }
}

export function loadIndustryTable(file: string): { table: IndustryTable; hash: string } {
  const { data, hash } = readYaml(file, "industry code table");
  const r = industryTableSchema.safeParse(data);
  if (!r.success) throw new ParkscoreError(r.error.issues.slice(0, 20).map((i) => ({ code: "industry.invalid", file, path: i.path.join("."), message: i.message })));
  return { table: r.data, hash };
}

/** Loads a standard and everything it builds on. */
export function loadStandard(file: string, depth = 0): Standard {
  if (depth > 3) throw new ParkscoreError({ code: "standard.base-loop", file, message: "base: standards nest more than 3 deep (a loop?)" });
  const { data, hash } = readYaml(file, "standard");
  const s = parseStandardText(data, file);
  if (s.base) {
    const base = loadStandard(join(dirname(file), s.base), depth + 1);
    return resolveStandard(s, file, base.industry, base, [{ file, sha256: hash }]);
  }
  const tableFile = join(dirname(file), INDUSTRY_TABLE_FILE);
  const { table, hash: th } = loadIndustryTable(tableFile);
  return resolveStandard(s, file, table, undefined, [{ file: tableFile, sha256: th }, { file, sha256: hash }]);
}
