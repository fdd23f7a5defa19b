/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from an alphabet of
 * 31 (digits and upper-case letters without I, O, S, V, Z), the last a check character over the
 * first 17. Departments key their files by it, so an intake normalises it the same way everywhere
 * before codes are compared, and says which participant a miskeyed code most likely meant.
 */

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** wᵢ = 3^(i−1) mod 31, i = 1…17. */
const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_LENGTH = 18;

/** The check character of 17 characters: (31 − Σ value(cᵢ)·wᵢ mod 31) mod 31; undefined when one is not in the alphabet. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== USCC_LENGTH - 1) return undefined;
  let s = 0;
  for (let k = 0; k < USCC_LENGTH - 1; k++) {
    const v = USCC_ALPHABET.indexOf(first17[k]);
    if (v < 0) return undefined;
    s += v * USCC_WEIGHTS[k];
  }
  return USCC_ALPHABET[(31 - (s % 31)) % 31];
}

const CLEAN = /^[0-9A-Z]*$/;

/**
 * A code as departments type it, made comparable: full-width characters (Ｕ, ０, the ideographic
 * space) as their ASCII forms, spaces and zero-width characters removed, letters in upper case.
 */
export function normalizeUscc(code: string): string {
  if (CLEAN.test(code)) return code;
  return code
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, "")
    .toUpperCase();
}

/** Why a (normalised) code is not a valid USCC, or undefined when it is. */
export function usccProblem(code: string): string | undefined {
  if (code.length !== USCC_LENGTH) return `has ${code.length} characters, not ${USCC_LENGTH}`;
  for (let k = 0; k < USCC_LENGTH; k++)
    if (!USCC_ALPHABET.includes(code[k])) return `character ${k + 1} "${code[k]}" is not one a credit code uses (digits and letters without I, O, S, V, Z)`;
  const check = usccCheckCharacter(code.slice(0, USCC_LENGTH - 1))!;
  return code[USCC_LENGTH - 1] === check ? undefined : `its check character is "${code[USCC_LENGTH - 1]}", but the first 17 characters give "${check}"`;
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === undefined;

/** The participant a code not on the list most likely meant, and how it differs. */
export interface NearestParticipant {
  code: string;
  /** "check": only the check character differs; "character": one other character differs. */
  differs: "check" | "character";
  /** 1-based position of the differing character. */
  position: number;
}

/**
 * Finds, for a code not on the participant list, the participants that differ from it in exactly
 * one character (the check character included). The first lookups compare the code with every
 * participant; a file with many codes to look up gets an index of the codes with each position
 * blanked out, so that a lookup then costs one probe per position whatever the list's length.
 */
export class ParticipantIndex {
  private byPattern?: Map<string, string[]>;
  private lookups = 0;
  private readonly codes: Set<string>;

  constructor(codes: Iterable<string>) {
    this.codes = new Set(codes);
  }

  /** Every participant one character away, in order of the differing position. Empty when none is. */
  nearest(code: string): NearestParticipant[] {
    if (++this.lookups > SCANNED_LOOKUPS) this.byPattern ??= patterns(this.codes);
    const found: string[] = [];
    if (this.byPattern) for (let k = 0; k < code.length; k++) found.push(...(this.byPattern.get(blanked(code, k)) ?? []).filter((c) => c !== code));
    else for (const c of this.codes) if (oneApart(c, code)) found.push(c);
    return found.map((c): NearestParticipant => {
      let k = 0;
      while (c[k] === code[k]) k++;
      return { code: c, differs: k === USCC_LENGTH - 1 ? "check" : "character", position: k + 1 };
    }).sort((x, y) => x.position - y.position);
  }
}

/**
 * Lookups made by comparing with every participant before the index is built: a comparison costs a
 * few nanoseconds, the index 18 keys of 20 characters per participant, so it pays off after about a
 * thousand lookups.
 */
const SCANNED_LOOKUPS = 1000;

/** Whether two codes of the same length differ in exactly one character. */
function oneApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let k = 0; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k) && ++d > 1) return false;
  return d === 1;
}

function patterns(codes: Iterable<string>): Map<string, string[]> {
  const byPattern = new Map<string, string[]>();
  for (const c of codes)
    for (let k = 0; k < c.length; k++) {
      const key = blanked(c, k);
      const list = byPattern.get(key);
      if (list) list.push(c);
      else byPattern.set(key, [c]);
    }
  return byPattern;
}

function blanked(code: string, k: number): string {
  return `${k}:${code.slice(0, k)}\u0000${code.slice(k + 1)}`;
}
