/**
 * What a cell sees without importing anything: the engine's public API (each export by name, and
 * all of them as `ps`), the run's `params` and `data`, the chart and table libraries, and `display`.
 * The libraries are the ones parkscore itself depends on, so a notebook needs no install and no CDN.
 */
import * as Arrow from "apache-arrow";
import * as aq from "arquero";
import * as ss from "simple-statistics";
import * as vl from "vega-lite";
import * as ps from "../../engine/index.js";
import { html, md } from "./markup.js";
import type { Params } from "./types.js";

const { cjkMargin, ServerPlot, textWidth } = await ps.charts();

/** Names a cell can use, besides `display` and `console` which are bound to the running cell. */
export const BUILTIN_NAMES = ["ps", "params", "data", "Plot", "vl", "aq", "Arrow", "ss", "html", "md", "cjkMargin", "textWidth", "FONT_STACK", "display", "console"] as const;

export interface ScopeInput {
  params: Params;
  /** The dataset folder given with --data (undefined when none). */
  data: string | undefined;
}

/** A fresh scope for one run: a prototype-less object, so only these names (and globals) resolve. */
export function createScope({ params, data }: ScopeInput): Record<string, unknown> {
  const scope = Object.create(null) as Record<string, unknown>;
  Object.assign(scope, ps);
  Object.assign(scope, {
    ps,
    params: Object.freeze(structuredClone(params)),
    data,
    Plot: ServerPlot,
    vl,
    aq,
    Arrow,
    ss,
    html,
    md,
    cjkMargin,
    textWidth,
    FONT_STACK: ps.FONT_STACK,
  });
  return scope;
}
