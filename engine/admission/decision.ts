/**
 * The admission decision from the checks, by a fixed rule (docs/admission.md):
 *   1. any mandatory check failed (a national control indicator, a local mandatory requirement, the
 *      negative list)                                         → reject        不予准入
 *   2. otherwise, any mandatory check unknown (data missing, threshold not sourced, industry code
 *      unknown): the project cannot be admitted on this file  → incomplete    资料不全,暂缓决定
 *   3. otherwise, any conditional check failed or unknown     → admit with conditions 有条件准入
 *      (the conditions: reach those values, written into the land contract)
 *   4. otherwise                                              → admit         准予准入
 * "n/a" checks (e.g. the national manufacturing table for a services project) do not count; a
 * project to which no check applies at all is "incomplete" (nothing was checked), never admitted.
 */
import type { CheckResult } from "./checks.js";

export type Decision = "admit" | "admit-with-conditions" | "incomplete" | "reject";

export const DECISION_LABELS: Readonly<Record<Decision, { zh: string; en: string }>> = {
  admit: { zh: "准予准入", en: "admit" },
  "admit-with-conditions": { zh: "有条件准入", en: "admit with conditions" },
  incomplete: { zh: "资料不全,暂缓决定", en: "incomplete — decision deferred" },
  reject: { zh: "不予准入", en: "reject" },
};

export interface Reason {
  check: string;
  kind: "fail" | "unknown";
  level: "mandatory" | "conditional";
  zh: string;
  en: string;
}

export interface ApplicantDecision {
  decision: Decision;
  reasons: Reason[];
}

const num = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 10000) / 10000) : "—");

/** A reason sentence for a failed or unknown check, in both languages. */
export function reasonOf(r: CheckResult): Reason | undefined {
  if (r.status !== "fail" && r.status !== "unknown") return undefined;
  const c = r.check;
  const lvl = c.level;
  if (r.status === "unknown") return { check: c.id, kind: "unknown", level: lvl, zh: `${c.label.zh}:无法判定 — ${r.note.zh}`, en: `${c.label.en}: cannot be decided — ${r.note.en}` };
  if (c.kind === "negative-list") return { check: c.id, kind: "fail", level: lvl, zh: `${c.label.zh}:${r.note.zh}`, en: `${c.label.en}: ${r.note.en}` };
  if (r.unit === "flag") return { check: c.id, kind: "fail", level: lvl, zh: `${c.label.zh}:未取得(申请表填"否")`, en: `${c.label.en}: not obtained (the application says no)` };
  const u = r.unit === "ratio" ? "" : ` ${r.unit}`;
  const word = c.op === ">=" ? { zh: "低于", en: "below the minimum" } : { zh: "高于", en: "above the maximum" };
  return {
    check: c.id, kind: "fail", level: lvl,
    zh: `${c.label.zh} ${num(r.value)}${u} ${word.zh}${c.op === ">=" ? "下限" : "上限"} ${num(r.threshold)}${u}(差 ${num(Math.abs(r.margin))}${u},即 ${num(Math.abs(r.marginPct))}%)`,
    en: `${c.label.en} ${num(r.value)}${u} is ${word.en} of ${num(r.threshold)}${u} (by ${num(Math.abs(r.margin))}, ${num(Math.abs(r.marginPct))} %)`,
  };
}

/**
 * Unknowns with the same cause (typically an unknown industry code, which leaves every
 * industry-dependent check undecided) are merged into one reason naming all the checks.
 */
function mergeUnknowns(results: CheckResult[]): Reason[] {
  const out: Reason[] = [];
  const groups = new Map<string, CheckResult[]>();
  for (const r of results) {
    if (r.status === "unknown") {
      const key = `${r.check.level}|${r.note.zh}|${r.note.en}`;
      const g = groups.get(key);
      if (g) {
        g.push(r);
        continue;
      }
      groups.set(key, [r]);
    }
    const reason = reasonOf(r);
    if (reason) out.push(reason);
  }
  return out.map((reason) => {
    if (reason.kind !== "unknown") return reason;
    const first = results.find((r) => r.check.id === reason.check)!;
    const g = groups.get(`${first.check.level}|${first.note.zh}|${first.note.en}`)!;
    if (g.length === 1) return reason;
    return { ...reason, check: g.map((r) => r.check.id).join("+"), zh: `${g.map((r) => r.check.label.zh).join("、")}:无法判定 — ${first.note.zh}`, en: `${g.map((r) => r.check.label.en).join(", ")}: cannot be decided — ${first.note.en}` };
  });
}

export function decide(results: CheckResult[]): ApplicantDecision {
  if (results.every((r) => r.status === "n/a"))
    return {
      decision: "incomplete",
      reasons: [{ check: "*", kind: "unknown", level: "mandatory", zh: "本标准没有适用于该项目的指标(如全国控制指标仅适用于制造业),请用包含本地要求的标准审查", en: "no check of this standard applies to the project (e.g. the national indicators cover manufacturing only): screen it with a standard that has local requirements" }],
    };
  const reasons = mergeUnknowns(results);
  const has = (kind: Reason["kind"], level: Reason["level"]) => reasons.some((r) => r.kind === kind && r.level === level);
  const decision: Decision = has("fail", "mandatory") ? "reject" : has("unknown", "mandatory") ? "incomplete" : reasons.length ? "admit-with-conditions" : "admit";
  // Most decisive reasons first: mandatory fails, mandatory unknowns, then conditions.
  const rank = (r: Reason) => (r.level === "mandatory" ? 0 : 2) + (r.kind === "fail" ? 0 : 1);
  reasons.sort((a, b) => rank(a) - rank(b));
  return { decision, reasons };
}
