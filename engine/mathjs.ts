/**
 * mathjs, loaded on first use. Importing it builds every one of its functions (about 0.7 s), which
 * every command and every sensitivity worker thread would pay at start-up even when nothing needs
 * it; only compiling a formula, an AHP eigenvector and scatter-degree weights do. Loaded through
 * `require` (mathjs ships a CommonJS build) so that the callers stay synchronous.
 */
import { createRequire } from "node:module";

type MathJs = typeof import("mathjs");

let lib: MathJs | undefined;

export function mathjs(): MathJs {
  return (lib ??= createRequire(import.meta.url)("mathjs") as MathJs);
}
