/**
 * Golden HTML of the demo (2025): the league table in both languages and four cards (the top
 * enterprise, one with next-grade improvements, a vetoed one, one not graded). The output is a
 * function of the data and the scheme only — the one date in it is the data revision's import date,
 * from the committed revision file; the published run, which depends on whether someone scored the
 * demo, is normalised. Regenerate after an intended change with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardHtml } from "../../../engine/report/html/card-page.js";
import { indexHtml } from "../../../engine/report/html/index-page.js";
import { loadReport } from "../../../engine/report/load.js";
import { analyseSensitivity } from "../../../engine/sensitivity/analysis.js";
import { contractBreaches } from "../../../engine/store/contracts.js";
import { readStoredPeriod } from "../../../engine/store/dataset.js";
import { ROOT } from "../../cli/helpers.js";

const GOLDEN = join(import.meta.dirname, "golden");
const normalise = (html: string) => html.replace(/<span class="run">[^<]*<\/span>/g, '<span class="run">RUN</span>');

function check(name: string, html: string): void {
  const file = join(GOLDEN, name);
  if (!process.env.UPDATE_GOLDEN && !existsSync(file)) throw new Error(`no golden file ${name}: run with UPDATE_GOLDEN=1 and review it`);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, normalise(html));
  }
  expect(normalise(html) === readFileSync(file, "utf8"), `${name} differs from the golden file (UPDATE_GOLDEN=1 to accept)`).toBe(true);
}

describe("golden HTML of the demo report", { timeout: 60_000 }, async () => {
  const demo = join(ROOT, "datasets", "demo");
  const zh = await loadReport(demo, "2025", { lang: "zh" });
  const en = await loadReport(demo, "2025", { lang: "en" });
  const r = zh.result;
  const r0 = { scheme: zh.scheme };
  const top = zh.order[0];
  const improving = zh.order.find((i) => zh.next[i] && r.grade[i] === "C")!;
  const vetoed = zh.order.find((i) => r.vetoed[i] === 1)!;
  const notGraded = zh.order.find((i) => r.status[i] !== "graded")!;

  it("index.html (zh, en)", () => {
    check("index.zh.html", indexHtml(zh));
    check("index.en.html", indexHtml(en));
  });

  it("cards", () => {
    for (const [what, i] of [["top", top], ["improving", improving], ["vetoed", vetoed], ["not-graded", notGraded]] as const) check(`card-${what}.zh.html`, cardHtml(zh, i));
    check("card-improving.en.html", cardHtml(en, improving));
  });

  it("puts the land contracts in breach on the watch list, with their shortfalls (docs/admission.md)", async () => {
    const { breaches } = await contractBreaches(demo, "2025");
    expect(breaches.map((b) => b.contract.contractId).sort()).toEqual(["GY-2018-002", "GY-2018-003", "GY-2018-004", "GY-2021-007"]);
    const watch = indexHtml(zh).split('<table class="watch">')[1].split("</table>")[0];
    for (const b of breaches) expect(watch).toContain(b.contract.id);
    // GY-2018-002: 投资强度 273.58 < 300 万元/亩 (the commitments command's figure, 273.6/300.0)
    expect(watch).toContain("未达土地出让合同约定指标(标准地): 投资强度 273.58 &lt; 300.00 万元/亩");
    expect(indexHtml(en)).toContain("land-contract targets not met (标准地): investment intensity 273.58 &lt; 300.00 10k CNY/mu");
  });

  it("shows how robust the grades are under the scheme's uncertainty: section, chart and each card's own interval", async () => {
    const { frame } = await readStoredPeriod(demo, "2025");
    const direct = await analyseSensitivity(frame, r0.scheme, r0.scheme.uncertainty!, { seed: 7, samples: 200, sobolSamples: 0 }, { workers: 0, noLeaveOneOut: true });
    const iv = direct.intervals;
    const ranked = [...iv.rankNominal].filter((x) => x > 0).length;
    const unstable = [...iv.gradeStability].filter((x, i) => iv.rankNominal[i] > 0 && x < 0.9).length;
    expect(zh.robustness).toMatchObject({ samples: 200, seed: 7, factors: ["weights", "aggregation"], ranked, unstable });
    const index = indexHtml(zh);
    expect(index).toContain(`重算 200 次:${ranked} 家参评企业中,${unstable} 家保持原等级的重算不足 90%`);
    expect(index.split('<section class="keep robustness">')[1]).toMatch(/^<h2>等级稳健性<\/h2><p>[^<]*<\/p><div class="chart"><svg /);
    const card = cardHtml(zh, improving);
    const share = `${Math.round(100 * iv.gradeStability[improving])}%`;
    expect(card).toContain(`名次的 5%–95% 区间为第 ${Math.round(iv.rankP05[improving])}–${Math.round(iv.rankP95[improving])} 名;保持 ${r.grade[improving]} 级的重算占 ${share}。`);
  });

  it("is deterministic", async () => {
    const again = await loadReport(demo, "2025", { lang: "zh" });
    expect(indexHtml(again)).toBe(indexHtml(zh));
    expect(cardHtml(again, improving)).toBe(cardHtml(zh, improving));
  });
});
