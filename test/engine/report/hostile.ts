/** A dataset whose enterprise names, parks and industries try to inject HTML, script and spreadsheet formulas. */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importPeriod, initDataset } from "../../../engine/store/dataset.js";
import { tempDir } from "../../cli/helpers.js";
import { MERGED_DEMO } from "../../merged-demo.js";

export const HOSTILE_NAMES = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "</title><script>alert(2)</script>",
  "=HYPERLINK(\"http://evil.example\",\"x\")",
  "<a href=javascript:alert(1)>x</a>",
];
export const HOSTILE_PARK = '"><script>alert(3)</script>';
export const HOSTILE_INDUSTRY = "<iframe src=javascript:alert(4)>";

function quote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The demo scheme and its merged 2022 and 2025 data (as periods 2024 and 2025), the first rows renamed. */
export async function hostileDataset(): Promise<string> {
  const dir = join(tempDir(), "hostile");
  initDataset(dir);
  copyFileSync(MERGED_DEMO.scheme, join(dir, "scheme.yaml"));
  for (const period of ["2024", "2025"]) {
    const src = MERGED_DEMO.csv(period === "2024" ? 2022 : 2025);
    const lines = readFileSync(src, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\n");
    const header = lines[0].split(",");
    const [name, park, industry] = ["企业名称", "所属园区", "行业名称"].map((h) => header.indexOf(h));
    const out = [lines[0]];
    for (let r = 1; r < lines.length; r++) {
      const cells = lines[r].split(",");
      if (r <= HOSTILE_NAMES.length) cells[name] = HOSTILE_NAMES[r - 1];
      if (r <= 4) cells[park] = HOSTILE_PARK;
      if (r % 7 === 0) cells[industry] = HOSTILE_INDUSTRY;
      out.push(cells.map(quote).join(","));
    }
    const file = join(tempDir(), `${period}.csv`);
    writeFileSync(file, out.join("\n") + "\n");
    await importPeriod(dir, period, file);
  }
  return dir;
}
