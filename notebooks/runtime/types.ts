/** A notebook as parsed from its Markdown file, and what running it produced. */
import type { DatasetManifest } from "./manifest.js";

/** A value a front-matter parameter may take (its default's type is the type the override must have). */
export type ParamValue = string | number | boolean | null | ParamValue[] | { [k: string]: ParamValue };
export type Params = Record<string, ParamValue>;

export type CellLang = "ts" | "js";

/** A fenced ```ts or ```js block. Lines are 1-based lines of the notebook file. */
export interface Cell {
  /** 0-based position among the notebook's cells. */
  index: number;
  lang: CellLang;
  code: string;
  /** The file line of the cell's first code line (the line after the opening fence). */
  line: number;
}

/** Markdown between cells, rendered as prose. */
export interface Prose {
  markdown: string;
  line: number;
}

export type Block = { kind: "prose"; prose: Prose } | { kind: "cell"; cell: Cell };

export interface Notebook {
  /** The file it was read from, as given (shown by name only in pages). */
  file: string;
  title: string;
  description?: string;
  /** The defaults from the front matter, in file order. */
  params: Params;
  blocks: Block[];
  cells: Cell[];
}

/** One thing a cell showed, already rendered to HTML (every data string escaped). */
export interface Output {
  kind: "plot" | "vega-lite" | "table" | "html" | "text" | "value";
  html: string;
}

export interface CellError {
  name: string;
  message: string;
  /** The line within the cell (1-based), when it could be found. */
  cellLine?: number;
  /** The same line in the notebook file. */
  fileLine?: number;
  /** The cell (0-based) the line is in: the failing cell, or an earlier one whose function it called. */
  cell?: number;
}

export type CellStatus = "ok" | "error" | "not-run";

export interface CellResult {
  cell: Cell;
  status: CellStatus;
  outputs: Output[];
  error?: CellError;
  /** Wall time in milliseconds (0 when not run). */
  ms: number;
}

/** What a run starts from: the notebook, its params resolved, the dataset's manifest (with --data). */
export interface RunInput {
  notebook: Notebook;
  params: Params;
  manifest?: DatasetManifest;
}

export interface NotebookRun extends RunInput {
  results: CellResult[];
  /** True when every cell ran without error. */
  ok: boolean;
  /** The first failing cell's result. */
  failed?: CellResult;
  html: string;
  ms: number;
}

/** A served page's live reload: the server-sent-events address, and the token a re-run needs. */
export interface LiveReload {
  events: string;
  token: string;
}
