import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cardHtml } from "../../../engine/report/html/card-page.js";
import { indexHtml } from "../../../engine/report/html/index-page.js";
import { leagueXlsx } from "../../../engine/report/league-xlsx.js";
import { loadReport } from "../../../engine/report/load.js";
import { HOSTILE_INDUSTRY, HOSTILE_NAMES, HOSTILE_PARK, hostileDataset } from "./hostile.js";

describe("strings from the data are escaped everywhere", { timeout: 60_000 }, async () => {
  const dir = await hostileDataset();
  const m = await loadReport(dir, "2025", { lang: "zh" });
  const pages = [indexHtml(m), ...Array.from({ length: m.result.n }, (_, i) => cardHtml(m, i))];

  it("never lets a name, park or industry open a tag", () => {
    for (const html of pages) {
      for (const bad of [...HOSTILE_NAMES, HOSTILE_PARK, HOSTILE_INDUSTRY]) expect(html).not.toContain(bad);
      expect(html).not.toMatch(/<(img|svg onload|iframe|a href=javascript)/);
      // the only scripts are our own
      expect(html.match(/<script/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
    const index = pages[0];
    expect(index).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(index).toContain('data-park="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"');
    expect(index).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("writes a formula-looking name to the spreadsheet as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await leagueXlsx(m)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const names: unknown[] = [];
    ws.getColumn(4).eachCell((c) => names.push(c.value));
    expect(names).toContain("'=HYPERLINK(\"http://evil.example\",\"x\")");
    ws.eachRow((r) => r.eachCell((c) => expect(c.formula).toBeUndefined()));
  });
});
