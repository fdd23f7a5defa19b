/**
 * mathjs, loaded on first use. Importing it builds every one of its functions (about 0.5 s and
 * 28 MB of heap), which every command and every sensitivity worker thread would pay at start-up
 * even when nothing needs it; only an AHP eigenvector and scatter-degree weights do. Loaded
 * through `require` (mathjs ships a CommonJS build) so that the callers stay synchronous.
 *
 * Formulas need only the parser, and mathjs's number-only build has the same one (the same trees
 * for every formula of the tests, docs and demo, and for the corner cases of its syntax: units,
 * complex numbers, hex literals…) at 13 MB and 0.3 s. The heap matters beyond start-up: every full
 * garbage collection marks all of it, and a large read or scoring starts one.
 */
import { createRequire } from "node:module";
import type { MathNode } from "mathjs";

type MathJs = typeof import("mathjs");

const require = createRequire(import.meta.url);
let lib: MathJs | undefined;
let numbers: MathJs | undefined;

export function mathjs(): MathJs {
  return (lib ??= require("mathjs") as MathJs);
}

/** A formula's syntax tree (throws mathjs's SyntaxError). */
export function parseMath(source: string): MathNode {
  numbers ??= require("mathjs/number") as MathJs;
  return numbers.parse(source);
}
