/**
 * The type of a delivered column that no scheme asked for yet: numbers when every non-blank cell is
 * a number by the engine's own rules (numbers.ts: `1,234.5`, `12%`, full-width digits), otherwise
 * text. A stored revision keeps such columns typed, so a later scheme can use them without the file.
 */

/**
 * The column as numbers (blank = NaN), or undefined when some cell is not a number. `numberAt`
 * follows parseNumber's contract: NaN for a blank cell, undefined for one that is not a number.
 */
export function asNumbers(n: number, numberAt: (i: number) => number | undefined): Float64Array | undefined {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = numberAt(i);
    if (v === undefined) return undefined;
    out[i] = v;
  }
  return out;
}
