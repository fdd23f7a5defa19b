/**
 * Industry codes (GB/T 4754 《国民经济行业分类》). The 2008 land-use tables are keyed by 2002
 * divisions; applicants and parks today use the 2017 edition (2011 has the same manufacturing
 * division codes). The correspondence is data (datasets/standards/gbt4754-divisions.yaml); this
 * module validates a code and carries it from one edition to another, saying when that is not
 * possible (an unknown code, a 2017 division split across two 2002 ones, a division with no
 * counterpart) instead of guessing.
 */
import { z } from "zod";

export type Edition = "2002" | "2011" | "2017";
export const EDITIONS: readonly Edition[] = ["2002", "2011", "2017"];

const code2 = z.string().regex(/^\d{2}$/);
export const industryTableSchema = z.strictObject({
  format: z.literal("parkscore-industry/1"),
  editions: z.strictObject({
    "2002": z.strictObject({ valid: z.array(z.string().regex(/^\d{2}(-\d{2})?$/)), manufacturing: z.record(code2, z.string()) }),
    "2017": z.strictObject({ valid: z.array(z.string().regex(/^\d{2}(-\d{2})?$/)), manufacturing: z.record(code2, z.string()) }),
  }),
  to2002: z.record(code2, z.strictObject({ to: z.array(code2), classes: z.record(z.string().regex(/^\d{3}$/), code2).optional(), note: z.string().optional() })),
});
export type IndustryTable = z.infer<typeof industryTableSchema>;

/** A code as the applicant wrote it, cleaned: digits only (a section letter such as "C34" dropped). */
export interface IndustryCode {
  raw: string;
  edition: Edition;
  /** All digits given (2 = division, 3 = group, 4 = class). */
  digits: string;
  division: string;
}

export type Resolved =
  | { ok: true; codes: string[]; note?: string }
  | { ok: false; reason: "unknown" | "no-counterpart" | "blank"; message: string; fix: string };

/** Normalises a code cell: trims, drops a leading section letter and any ".0" a spreadsheet added. */
export function parseIndustryCode(raw: string, edition: Edition): IndustryCode | undefined {
  let s = raw.trim().replace(/\.0+$/, "");
  s = s.replace(/^[A-Ta-t]\s*/, "");
  if (!/^\d{2,4}$/.test(s)) return undefined;
  return { raw, edition, digits: s, division: s.slice(0, 2) };
}

const base = (e: Edition): "2002" | "2017" => (e === "2002" ? "2002" : "2017");

/** Is the division a code of that edition at all? */
export function isValidDivision(table: IndustryTable, division: string, edition: Edition): boolean {
  const n = Number(division);
  return table.editions[base(edition)].valid.some((r) => {
    const [a, b = a] = r.split("-").map(Number);
    return n >= a && n <= b;
  });
}

export function isManufacturing(table: IndustryTable, division: string, edition: Edition): boolean {
  return Object.hasOwn(table.editions[base(edition)].manufacturing, division);
}

export function divisionName(table: IndustryTable, division: string, edition: Edition): string | undefined {
  return table.editions[base(edition)].manufacturing[division];
}

/**
 * The division(s) of `to` that correspond to the code. One code is a clean mapping; several mean
 * the caller must look all of them up and may only use the threshold if they agree.
 */
export function toEdition(table: IndustryTable, code: IndustryCode, to: Edition): Resolved {
  if (!isValidDivision(table, code.division, code.edition))
    return {
      ok: false,
      reason: "unknown",
      message: `"${code.raw}" is not a division of GB/T 4754-${code.edition}`,
      fix: `give the 2-digit division of GB/T 4754-${code.edition} (or say which edition the code is from in the edition column)`,
    };
  const from = base(code.edition), target = base(to);
  if (from === target) return { ok: true, codes: [code.division] };
  if (!isManufacturing(table, code.division, code.edition)) return { ok: true, codes: [], note: "not manufacturing: no correspondence needed" };
  if (from === "2017") {
    const m = table.to2002[code.division];
    if (!m || m.to.length === 0)
      return {
        ok: false,
        reason: "no-counterpart",
        message: `GB/T 4754-2017 division ${code.division} has no GB/T 4754-2002 counterpart${m?.note ? ` (${m.note})` : ""}`,
        fix: "the evaluator decides which 2002 division's thresholds apply and gives the code in its 2002 edition (edition column = 2002)",
      };
    const byClass = code.digits.length >= 3 ? m.classes?.[code.digits.slice(0, 3)] : undefined;
    if (byClass) return { ok: true, codes: [byClass], note: `2017 ${code.digits} → 2002 ${byClass}` };
    return { ok: true, codes: [...m.to], note: m.to.length > 1 ? `2017 ${code.division} → 2002 ${m.to.join(" or ")}${m.note ? ` (${m.note})` : ""}` : undefined };
  }
  // 2002 → 2017: invert the table.
  const codes = Object.entries(table.to2002)
    .filter(([, m]) => m.to.includes(code.division))
    .map(([c]) => c);
  if (codes.length === 0)
    return { ok: false, reason: "no-counterpart", message: `GB/T 4754-2002 division ${code.division} has no 2017 counterpart in the table`, fix: "give the 2017 code" };
  return { ok: true, codes, note: codes.length > 1 ? `2002 ${code.division} → 2017 ${codes.join(" or ")}` : undefined };
}
