/** Any id that import accepts gives a card file that every file system can hold, and the links find it. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportFiles } from "../../../engine/report/files.js";
import { buildReportModel } from "../../../engine/report/model.js";
import { scorePeriod } from "../../../engine/score/period.js";
import { writeFilesAtomically } from "../../../engine/store/atomic.js";
import { tempDir } from "../../cli/helpers.js";
import { frame } from "../score/fixtures.js";
import { REVISION, SCHEME } from "./fixtures.js";

describe("card files", () => {
  it("are written for 300-character, Chinese, case-twin and reserved ids, and the league table links to each", async () => {
    const ids = ["x".repeat(300), "华北钢铁集团武安新材料科技产业园区第一分公司有限责任公司".repeat(2).slice(0, 40), "ab", "AB", "CON", "NUL", "COM1"];
    const f = frame({ code: ids, name: ids.map((_, i) => `企业${i}`), park: ids.map(() => "P1") }, { a: [10, 20, 30, 40, 100, 50, 60], b: [0, 5, 10, 5, 10, 2, 3] });
    const m = buildReportModel({ period: "2025", scheme: SCHEME, revision: REVISION, result: scorePeriod(f, SCHEME), history: [] });
    const out = join(tempDir(), "report");
    writeFilesAtomically(out, await reportFiles(m));
    const cards = readdirSync(join(out, "enterprises"));
    expect(cards).toHaveLength(ids.length);
    expect(new Set(cards.map((c) => c.toLowerCase())).size).toBe(ids.length);
    for (const c of cards) {
      expect(c.length).toBeLessThanOrEqual(46);
      expect(c).toMatch(/^[A-Za-z0-9-]+\.html$/);
    }
    const links = [...readFileSync(join(out, "index.html"), "utf8").matchAll(/href="enterprises\/([^"]+)"/g)].map((x) => x[1]);
    expect(new Set(links).size).toBe(ids.length);
    for (const l of links) expect(existsSync(join(out, "enterprises", l))).toBe(true);
  });
});
