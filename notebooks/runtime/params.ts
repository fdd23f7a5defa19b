/**
 * Parameters: the front matter gives each one a default, and its default's type is the type an
 * override must have. `--param period=2024` arrives as text and is converted to that type (number,
 * boolean, text, list of those, or JSON for objects); an unknown name or a value that does not
 * convert is an error naming the parameter and what it expects.
 */
import { ParkscoreError } from "../../engine/index.js";
import type { ParamValue, Params } from "./types.js";

/** Splits `name=value` options (repeatable `--param`). */
export function parseParamArgs(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of args) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw new ParkscoreError({ code: "notebook.param", message: `--param "${a}" is not name=value`, value: a, fix: "write e.g. --param period=2024" });
    out[a.slice(0, eq).trim()] = a.slice(eq + 1);
  }
  return out;
}

function typeName(v: ParamValue): string {
  if (v === null) return "text";
  if (Array.isArray(v)) return `a list${v.length ? ` of ${typeName(v[0])}` : ""}`;
  if (typeof v === "object") return "a JSON object";
  return typeof v === "string" ? "text" : typeof v === "number" ? "a number" : "true or false";
}

/** `text` converted to the type of `def`, or undefined when it does not convert. */
export function coerce(text: string, def: ParamValue): ParamValue | undefined {
  if (def === null || typeof def === "string") return text;
  if (typeof def === "number") {
    const t = text.trim();
    const n = t === "" ? NaN : Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  if (typeof def === "boolean") {
    const t = text.trim().toLowerCase();
    return ["true", "yes", "1", "on"].includes(t) ? true : ["false", "no", "0", "off"].includes(t) ? false : undefined;
  }
  if (Array.isArray(def)) {
    const t = text.trim();
    if (t.startsWith("[")) {
      try {
        const v = JSON.parse(t);
        return Array.isArray(v) ? (v as ParamValue[]) : undefined;
      } catch {
        return undefined;
      }
    }
    const items = t === "" ? [] : t.split(",").map((s) => s.trim());
    const first = def[0] ?? "";
    const out = items.map((s) => coerce(s, first));
    return out.some((v) => v === undefined) ? undefined : (out as ParamValue[]);
  }
  try {
    const v = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as ParamValue) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The params a run uses: the defaults, with overrides converted. Overrides may also be values
 * already typed (from a script), which must then have the default's type.
 */
export function resolveParams(defaults: Params, overrides: Record<string, unknown> = {}, file?: string): Params {
  const out: Params = { ...defaults };
  for (const [name, raw] of Object.entries(overrides)) {
    if (!(name in defaults)) {
      const known = Object.keys(defaults);
      throw new ParkscoreError({
        code: "notebook.param",
        file,
        message: `the notebook has no parameter "${name}"`,
        fix: known.length ? `use one of: ${known.join(", ")}` : "this notebook takes no parameters (add one under params: in its front matter)",
      });
    }
    const def = defaults[name];
    const value = typeof raw === "string" ? coerce(raw, def) : sameType(raw, def) ? (raw as ParamValue) : undefined;
    if (value === undefined) {
      throw new ParkscoreError({
        code: "notebook.param",
        file,
        message: `parameter "${name}" must be ${typeName(def)} (its default is ${JSON.stringify(def)})`,
        value: typeof raw === "string" ? raw : JSON.stringify(raw),
        fix: `give e.g. --param ${name}=${Array.isArray(def) ? def.join(",") : typeof def === "object" && def !== null ? JSON.stringify(def) : String(def)}`,
      });
    }
    out[name] = value;
  }
  return out;
}

function sameType(v: unknown, def: ParamValue): boolean {
  if (def === null) return true;
  if (Array.isArray(def)) return Array.isArray(v);
  if (typeof def === "number") return typeof v === "number" && Number.isFinite(v);
  return typeof v === typeof def;
}
