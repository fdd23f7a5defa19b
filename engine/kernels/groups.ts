/**
 * Loops over a block of rows that take indicators a few at a time. A loop per indicator loads and
 * stores a row's running values (a sum, a distance) once per indicator; one loop over all of them
 * streams every column at once, more than the caches and prefetchers follow. Four indicators per
 * loop keep the running values in registers across four columns, with few streams. The loops are
 * generated once per group size, each indicator's terms written out (as scheme formulas are
 * compiled, scheme/formula.ts), and add the indicators in order, so sums are those of one loop over
 * all of them.
 */

/** Indicators per loop. */
const GROUP = 4;

/** The groups of m indicators: first index and size. */
export function groups(m: number): { j0: number; size: number }[] {
  return Array.from({ length: Math.ceil(m / GROUP) }, (_, g) => ({ j0: g * GROUP, size: Math.min(GROUP, m - g * GROUP) }));
}

const loops = new Map<string, unknown>();

/**
 * The loop `name` for `size` indicators from `j0` (a parameter), compiled once: `body` receives
 * `each`, which writes a line per indicator k of the group (its columns and weights are at j0 + k).
 */
export function groupLoop<F>(name: string, size: number, params: readonly string[], body: (each: (line: (k: number) => string) => string) => string): F {
  const key = `${name}/${size}`;
  let f = loops.get(key);
  if (f === undefined) {
    const each = (line: (k: number) => string) => Array.from({ length: size }, (_, k) => line(k)).join("\n");
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    loops.set(key, (f = new Function(...params, body(each))));
  }
  return f as F;
}
