/**
 * mathjs, loaded on first use. Importing it builds every one of its functions (about 0.7 s), which
 * every command and every sensitivity worker thread would pay at start-up even when nothing needs
 * it; only compiling a formula, an AHP eigenvector and scatter-degree weights do. Loaded through
 * `require` (mathjs ships a CommonJS build) so that the callers stay synchronous.
 *
 * Formulas need only the parser, which mathjs's number-only build has too, with the same syntax
 * and node types: it builds about half as much (the full build keeps ~30 MB on the JavaScript heap,
 * which every full garbage collection of a large run then marks again). The full build is loaded
 * only for the eigenvectors.
 */
import { createRequire } from "node:module";

type MathJs = typeof import("mathjs");

let lib: MathJs | undefined;
let numbers: Pick<MathJs, "parse"> | undefined;

export function mathjs(): MathJs {
  return (lib ??= createRequire(import.meta.url)("mathjs") as MathJs);
}

/** The expression parser, from the number-only build. */
export function mathjsParser(): Pick<MathJs, "parse"> {
  return (numbers ??= createRequire(import.meta.url)("mathjs/number") as MathJs);
}
