/**
 * The dynamic benchmark stage in its own process: read a window of stored periods (the run that
 * counts for each), build the panel, weight the indicators by the scatter-degree method over the cube, combine
 * the periods with λ time weights, rank and grade. Prints { stage, ms, rows, rssMB }.
 */
import { peakKB } from "./peak-rss.mjs";
import { evaluateDynamic } from "../engine/dynamic/evaluate.js";
import { buildPanel } from "../engine/dynamic/panel.js";
import { windowCube } from "../engine/dynamic/cube.js";
import { openDataset } from "../engine/store/dataset.js";
import { loadWindow, periodsBetween } from "../engine/store/window.js";

const [dir] = process.argv.slice(2);
const { scheme } = openDataset(dir);
const t0 = performance.now();
const notes: string[] = [];
const window = await loadWindow(dir, scheme, periodsBetween(dir), notes);
const panel = buildPanel(window.map((w) => w.scores));
const r = evaluateDynamic(panel, scheme.grading, { lambda: 0.3, growth: 0.3, minPeriods: 1 }, { indicators: scheme.indicators, values: windowCube(window, panel.ids, scheme) });
const ms = performance.now() - t0;
if (notes.length) throw new Error(`the benchmark dataset should have runs for every period: ${notes[0]}`);
process.stdout.write(JSON.stringify({ stage: "dynamic", ms, rows: r.score.length, rssMB: peakKB() / 1024 }) + "\n");
