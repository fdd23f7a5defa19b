/**
 * A server-side DOM for charts drawn in Node: Plot needs a `document` to build its SVG, and Node has
 * none. One jsdom window is made on first use and shared (jsdom is slow to start, ~100 ms); charts
 * only create detached elements in it, so sharing cannot leak one chart into another.
 */
import { createRequire } from "node:module";
import type * as JsDom from "jsdom";

let shared: Document | undefined;

/**
 * The shared jsdom document (jsdom ^29, which runs on Node 20). jsdom is required on first use, not
 * imported, so a program that imports the charts but draws none does not pay for loading it.
 */
export function serverDocument(): Document {
  if (!shared) {
    const { JSDOM } = createRequire(import.meta.url)("jsdom") as typeof JsDom;
    shared = new JSDOM("<!doctype html><html><head></head><body></body></html>").window.document;
  }
  return shared;
}

/** True for a DOM element (from jsdom or a browser): what Plot returns, an SVG or an HTML figure. */
export function isElement(x: unknown): x is Element {
  return typeof x === "object" && x !== null && (x as Node).nodeType === 1 && typeof (x as Element).outerHTML === "string";
}
