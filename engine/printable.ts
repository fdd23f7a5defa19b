/**
 * Text as a terminal may show it: a name or id from the data can hold control characters (ESC
 * starts sequences that clear the screen or move the cursor, CR and LF fake lines, BEL rings),
 * and the bidirectional overrides reorder what is shown. Each is written visibly instead, as
 * `\x1b` or `\u202e`; everything else, CJK included, is left as it is.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
}

/** Whether `s` holds a C0 or C1 control character or DEL (what an id may not hold). */
export function hasControl(s: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f]/.test(s);
}
