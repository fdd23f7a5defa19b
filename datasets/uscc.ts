/** Unified social credit codes (GB 32100) with a valid organisation code (GB 11714) inside, unique per enterprise. */
import { isValidUscc as validCheckCharacter, USCC_ALPHABET, usccCheckCharacter } from '../engine/data/uscc.js';

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** 31^5 distinct organisation-code bodies after the "MA0" prefix. */
export const CODE_SPACE = 31 ** 5;

/** GB 11714 organisation-code check value over 8 character codes (digits as is, A–Z = 10–35). */
function orgCheck(cc: number[]): number {
  let s = 0;
  for (let k = 0; k < 8; k++) {
    const ch = cc[8 + k];
    s += (ch <= 57 ? ch - 48 : ch - 55) * ORG_WEIGHTS[k];
  }
  const c = 11 - (s % 11);
  return c === 10 ? 88 /* X */ : c === 11 ? 48 : 48 + c;
}

/** Whether an 18-character code carries valid GB 11714 and GB 32100 check characters. */
export function isValidUscc(code: string): boolean {
  return validCheckCharacter(code) && code.charCodeAt(16) === orgCheck(Array.from(code, (ch) => ch.charCodeAt(0)));
}

/** 9 1 130481 (Wu'an) — registration authority, entity type, administrative division. */
const CODE_PREFIX = Array.from('91130481MA', (ch) => ch.charCodeAt(0));
const codeChars: number[] = new Array<number>(18).fill(0);

/**
 * A unique code for universe index i: 91130481 + MA + series + xxxxx + org-code check + USCC check.
 * Panels drawn with different series ('0', '1') never share a code.
 */
export function makeCode(i: number, mult: number, add: number, series = '0'): string {
  const cc = codeChars;
  for (let k = 0; k < 10; k++) cc[k] = CODE_PREFIX[k];
  cc[10] = series.charCodeAt(0);
  let p = (mult * i + add) % CODE_SPACE;
  for (let k = 15; k >= 11; k--) {
    cc[k] = USCC_ALPHABET.charCodeAt(p % 31);
    p = Math.floor(p / 31);
  }
  cc[16] = orgCheck(cc);
  const first17 = String.fromCharCode.apply(null, cc.slice(0, 17));
  return first17 + usccCheckCharacter(first17);
}

