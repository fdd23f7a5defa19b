/** The notebook runtime: parse, run and render Markdown + TypeScript notebooks (see run.ts). */
export { runNotebook, type RunNotebookOptions } from "./run.js";
export { runNotebookInWorker, RunCancelled, type WorkerRunOptions } from "./worker-run.js";
export { runNotebookToFile } from "./page-file.js";
export { readNotebook, parseNotebook, FRONT_MATTER_KEYS } from "./parse.js";
export { resolveParams, parseParamArgs, coerce } from "./params.js";
export { executeCells, type ExecuteOptions } from "./execute.js";
export { renderPage } from "./html.js";
export { renderValue, type DisplayOptions } from "./display.js";
export { datasetManifest, type DatasetManifest } from "./manifest.js";
export { BUILTIN_NAMES } from "./scope.js";
export type * from "./types.js";
