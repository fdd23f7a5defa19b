import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { uniqueSheetName, xlsxBytes } from "../../../engine/data/write-xlsx.js";

describe("xlsxBytes", () => {
  it("gives the same bytes whenever it is written: every zip entry carries the workbook's date", async () => {
    const sheet = [{ name: "a", columns: [{ name: "x", type: "number" as const, values: Float64Array.of(1, 2) }] }];
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-03-04T05:06:07Z"));
      const first = await xlsxBytes(sheet);
      vi.setSystemTime(new Date("2027-08-09T10:11:12Z"));
      const second = await xlsxBytes(sheet);
      expect(second.equals(first)).toBe(true);
      // and they are dated 2000-01-01 00:00 (MS-DOS date 20 << 9 | 1 << 5 | 1) in the first local header
      expect([first.readUInt16LE(10), first.readUInt16LE(12)]).toEqual([0, (20 << 9) | (1 << 5) | 1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("writes sheets of typed columns that exceljs reads back: frozen bold header, formats, fills, text kept as text", async () => {
    const bytes = await xlsxBytes([
      {
        name: "all",
        columns: [
          { name: "rank", type: "rank", values: Int32Array.from([1, 2, 0]) },
          { name: "name", type: "text", values: ["=HYPERLINK(\"http://x\")", "+1", "甲公司"] },
          { name: "score", type: "number", values: Float64Array.from([91.256, 80, NaN]) },
          { name: "grade", type: "text", values: ["A", "D", ""] },
          { name: "vetoed", type: "boolean", values: Uint8Array.from([0, 1, 0]) },
        ],
        styles: { score: { numFmt: "0.00", width: 9 } },
        fills: [{ column: "grade", byValue: { A: "c6efce", D: "#FFC7CE" } }],
      },
      { name: "a/b:c", columns: [{ name: "x", type: "number", values: Float64Array.from([1]) }] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("all")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, "rank", "name", "score", "grade", "vetoed"]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe(1);
    expect(ws.getCell("A4").value).toBeNull(); // rank 0 = not ranked: empty
    expect(ws.getCell("B2").value).toBe("'=HYPERLINK(\"http://x\")"); // formula injection: text, not a formula
    expect(ws.getCell("B2").formula).toBeUndefined();
    expect(ws.getCell("B3").value).toBe("'+1");
    expect(ws.getCell("B4").value).toBe("甲公司");
    expect(ws.getCell("C2").value).toBe(91.256);
    expect(ws.getCell("C2").numFmt).toBe("0.00");
    expect(ws.getCell("C4").value).toBeNull();
    expect((ws.getCell("D2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC6EFCE");
    expect((ws.getCell("D3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(ws.getCell("E3").value).toBe(true);
    expect(wb.getWorksheet("a_b_c")).toBeDefined();
    expect(wb.created.toISOString()).toBe("2000-01-01T00:00:00.000Z");
  });

  it("makes sheet names valid and unique for Excel", () => {
    const used = new Set<string>();
    expect(uniqueSheetName("东山创意产业园区", used)).toBe("东山创意产业园区");
    expect(uniqueSheetName("东山创意产业园区", used)).toBe("东山创意产业园区 (2)");
    expect(uniqueSheetName("x".repeat(40), used)).toHaveLength(31);
    expect(uniqueSheetName("[a]*?", used)).toBe("_a___");
  });
});
