/**
 * Which source columns a reader extracts, decided once from the header row. Every format reader
 * calls {@link planColumns} as soon as it knows the headers, so the header map, the required /
 * optional split and the missing-column problems behave the same for CSV, XLSX, Arrow and Parquet,
 * and a reader never touches a column nobody asked for.
 */
import type { ProblemList } from "../errors.js";
import type { Frame, ReadSpec } from "./frame.js";
import { TextColumns, type TextSource } from "./text.js";

/** One column to extract: where it is in the source and what the scheme calls it. */
export interface PlannedColumn {
  /** Column name in the scheme (after the header map). */
  name: string;
  /** 0-based position among the source headers. */
  index: number;
  /** The header exactly as found in the file (after trimming whitespace and a BOM). */
  header: string;
}

export interface ColumnPlan {
  numeric: PlannedColumn[];
  text: PlannedColumn[];
  /** Column name → source header, for every planned column. */
  headers: Map<string, string>;
  /** Per source index: position in `numeric`, or -1. */
  numericSlot: Int32Array;
  /** Per source index: position in `text`, or -1. */
  textSlot: Int32Array;
  /**
   * With `ReadSpec.rest`, every other column with a header of its own (not blank, not repeated), in
   * file order, named by its header; else empty.
   */
  rest: PlannedColumn[];
}

/** A header as the user meant it: surrounding whitespace and a stray BOM removed. */
export function cleanHeader(h: string): string {
  return h.replace(/^\uFEFF/, "").trim();
}

/**
 * Resolve the spec against the file's headers. Missing required columns (one problem each,
 * listing the headers found) and ambiguous headers go to `problems`; the plan holds the columns
 * that were found, so the reader can still report problems in those.
 */
export function planColumns(file: string, rawHeaders: string[], spec: ReadSpec, problems: ProblemList): ColumnPlan {
  const headers = rawHeaders.map((h) => cleanHeader(h ?? ""));
  const map = spec.headerMap ?? {};
  // Header-map keys are compared trimmed too, so `" 企业代码 "` in a scheme still matches.
  const mapped = new Map<string, string>();
  for (const [from, to] of Object.entries(map)) mapped.set(cleanHeader(from), to);

  // Name → source indexes carrying it.
  const byName = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h === "") return;
    const name = mapped.get(h) ?? h;
    const list = byName.get(name);
    if (list) list.push(i);
    else byName.set(name, [i]);
  });

  const numericNames = unique(spec.numeric);
  const textNames = unique(spec.text);
  const optional = unique(spec.optionalText ?? []).filter((n) => !textNames.includes(n));
  // A key column listed nowhere else is still required (as text); one listed as optional
  // text only takes part in the key when present.
  for (const k of spec.key ?? []) if (!numericNames.includes(k) && !textNames.includes(k) && !optional.includes(k)) textNames.push(k);

  const plan: ColumnPlan = {
    numeric: [],
    text: [],
    headers: new Map(),
    numericSlot: new Int32Array(headers.length).fill(-1),
    textSlot: new Int32Array(headers.length).fill(-1),
    rest: [],
  };
  const found = headers.filter((h) => h !== "");
  const shown = found.length ? found.map((h) => `"${h}"`).join(", ") : "(none)";

  const locate = (name: string, required: boolean): number => {
    const at = byName.get(name);
    if (!at) {
      if (required) {
        const viaMap = Object.entries(map).filter(([, to]) => to === name).map(([from]) => from);
        problems.add({
          code: "data.missing-column",
          file,
          // The scheme's name for it (what the scheme and the CLI can relate to); the header it
          // would have in the file is in the message.
          column: name,
          message:
            `required column "${name}"` +
            (viaMap.length ? ` (header ${viaMap.map((h) => `"${h}"`).join(" or ")})` : "") +
            ` is missing; the headers found are ${shown}` +
            nearMiss([name, ...viaMap], found),
          fix: "add the column or map its header in the scheme's columns:",
        });
      }
      return -1;
    }
    if (at.length > 1) {
      problems.add({
        code: "data.duplicate-column",
        file,
        column: headers[at[1]],
        message: `column "${name}" appears ${at.length} times (columns ${at.map((i) => i + 1).join(", ")})`,
        fix: "keep one of them, or rename the others",
      });
    }
    return at[0];
  };

  for (const name of numericNames) {
    const i = locate(name, true);
    if (i < 0) continue;
    plan.numericSlot[i] = plan.numeric.length;
    plan.numeric.push({ name, index: i, header: headers[i] });
    plan.headers.set(name, headers[i]);
  }
  for (const name of textNames) {
    const i = locate(name, true);
    if (i < 0) continue;
    plan.textSlot[i] = plan.text.length;
    plan.text.push({ name, index: i, header: headers[i] });
    plan.headers.set(name, headers[i]);
  }
  for (const name of optional) {
    const at = byName.get(name);
    if (!at) continue;
    const i = at[0];
    plan.textSlot[i] = plan.text.length;
    plan.text.push({ name, index: i, header: headers[i] });
    plan.headers.set(name, headers[i]);
  }
  if (spec.rest) {
    const seen = new Map<string, number>();
    for (const h of headers) seen.set(h, (seen.get(h) ?? 0) + 1);
    headers.forEach((header, index) => {
      if (header !== "" && seen.get(header) === 1 && plan.numericSlot[index] < 0 && plan.textSlot[index] < 0) plan.rest.push({ name: header, index, header });
    });
  }
  return plan;
}

/** Assemble the frame from a plan and the extracted columns (in plan order; `rest` only with `ReadSpec.rest`). */
export function frameFromPlan(
  file: string,
  plan: ColumnPlan,
  nrows: number,
  numbers: Float64Array[],
  texts: TextSource[],
  rows: Int32Array,
  rest?: (Float64Array | string[])[],
): Frame {
  return {
    nrows,
    numbers: new Map(plan.numeric.map((c, k) => [c.name, numbers[k]])),
    texts: new TextColumns(plan.text.map((c, k) => [c.name, texts[k]])),
    rest: rest && new Map(plan.rest.map((c, k) => [c.name, rest[k]])),
    origin: { file, rows, headers: plan.headers },
  };
}

/**
 * `; did you mean "x"?` when a header differs from a wanted one only in width (full-width
 * `（）` from a Chinese IME), case or spacing — the usual reason a column "is missing".
 */
function nearMiss(wanted: string[], found: string[]): string {
  const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  const keys = new Set(wanted.map(norm));
  const close = found.filter((h) => keys.has(norm(h)));
  return close.length ? `; did you mean ${close.map((h) => `"${h}"`).join(" or ")}?` : "";
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
