/** Unified social credit codes (GB 32100) with a valid organisation code (GB 11714) inside, unique per enterprise. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** character code → value in USCC_CHARS */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let k = 0; k < USCC_CHARS.length; k++) USCC_VALUE[USCC_CHARS.charCodeAt(k)] = k;
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

/** GB 32100 check character code over the first 17 character codes. */
function usccCheck(cc: number[]): number {
  let s = 0;
  for (let k = 0; k < 17; k++) s += USCC_VALUE[cc[k]] * USCC_WEIGHTS[k];
  const c = 31 - (s % 31);
  return USCC_CHARS.charCodeAt(c === 31 ? 0 : c);
}

/** Whether an 18-character code carries valid GB 11714 and GB 32100 check characters. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const cc = Array.from(code, (ch) => ch.charCodeAt(0));
  return cc[16] === orgCheck(cc) && cc[17] === usccCheck(cc);
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
    cc[k] = USCC_CHARS.charCodeAt(p % 31);
    p = Math.floor(p / 31);
  }
  cc[16] = orgCheck(cc);
  cc[17] = usccCheck(cc);
  return String.fromCharCode.apply(null, cc);
}

