/**
 * Reads a notebook: YAML front matter between `---` lines (title, description, params with their
 * defaults), then Markdown prose and fenced ```ts / ```js cells. Other fenced blocks stay prose (shown,
 * not run). Every cell keeps its file line, so errors can point at the line an editor shows.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { isMap, LineCounter, parseDocument } from "yaml";
import { ParkscoreError } from "../../engine/index.js";
import type { Block, Cell, CellLang, Notebook, ParamValue, Params } from "./types.js";

const LANGS: Record<string, CellLang> = { ts: "ts", typescript: "ts", js: "js", javascript: "js" };
/** The front-matter keys a notebook may set. */
export const FRONT_MATTER_KEYS = ["title", "description", "params"] as const;

export function readNotebook(file: string): Notebook {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ParkscoreError({
      code: "notebook.missing",
      file,
      message: code === "ENOENT" ? "no such notebook" : code === "EISDIR" ? "this is a folder, not a notebook" : `cannot read the notebook (${code})`,
      fix: "give the path of a notebook file such as notebooks/trends.md",
    });
  }
  return parseNotebook(text, file);
}

export function parseNotebook(text: string, file: string): Notebook {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const front = frontMatter(lines, file);
  const blocks: Block[] = [];
  const cells: Cell[] = [];
  let prose: string[] = [];
  let proseLine = front.bodyLine;
  const flushProse = (nextLine: number) => {
    if (prose.some((l) => l.trim() !== "")) blocks.push({ kind: "prose", prose: { markdown: prose.join("\n"), line: proseLine } });
    prose = [];
    proseLine = nextLine;
  };
  for (let i = front.bodyLine - 1; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)(.*)$/.exec(lines[i]);
    if (!open) {
      prose.push(lines[i]);
      continue;
    }
    const fence = open[2];
    const close = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) j++;
    if (j === lines.length) {
      throw new ParkscoreError({ code: "notebook.unclosed-fence", file, line: i + 1, message: `the code block opened here is never closed`, fix: `end it with a line of ${fence}` });
    }
    const lang = LANGS[open[3].toLowerCase()];
    if (lang) {
      flushProse(j + 2);
      const cell: Cell = { index: cells.length, lang, code: lines.slice(i + 1, j).join("\n"), line: i + 2 };
      cells.push(cell);
      blocks.push({ kind: "cell", cell });
    } else {
      prose.push(...lines.slice(i, j + 1));
    }
    i = j;
  }
  flushProse(lines.length + 1);
  const title = front.title ?? firstHeading(blocks) ?? basename(file).replace(/\.md$/i, "");
  return { file, title, description: front.description, params: front.params, blocks, cells };
}

function firstHeading(blocks: Block[]): string | undefined {
  for (const b of blocks) {
    if (b.kind !== "prose") continue;
    const m = /^#\s+(.+?)\s*#*\s*$/m.exec(b.prose.markdown);
    if (m) return m[1];
  }
  return undefined;
}

interface FrontMatter {
  title?: string;
  description?: string;
  params: Params;
  /** The first line after the front matter (1-based). */
  bodyLine: number;
}

function frontMatter(lines: string[], file: string): FrontMatter {
  if (lines[0]?.trim() !== "---") return { params: {}, bodyLine: 1 };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === "---" || l.trim() === "..."));
  if (end < 0) throw new ParkscoreError({ code: "notebook.front-matter", file, line: 1, message: "the front matter opened on line 1 is never closed", fix: "end it with a line of ---" });
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join("\n"), { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined) => (offset === undefined ? undefined : counter.linePos(offset).line + 1);
  const bad = (message: string, line: number | undefined, fix: string) => new ParkscoreError({ code: "notebook.front-matter", file, line, message, fix });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw bad(`the front matter is not valid YAML: ${e.message.split("\n")[0]}`, at(e.pos[0]), "correct the YAML between the --- lines");
  }
  const root = doc.contents;
  if (root === null) return { params: {}, bodyLine: end + 2 };
  if (!isMap(root)) throw bad("the front matter must be a mapping (key: value lines)", at(root.range?.[0]), "write e.g. `title: Trends` and `params:` with one default per line");
  const out: FrontMatter = { params: {}, bodyLine: end + 2 };
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const line = at((pair.key as unknown as { range?: [number] })?.range?.[0]);
    const value = (pair.value as { toJSON?: () => unknown })?.toJSON ? (pair.value as { toJSON(): unknown }).toJSON() : (pair.value as { value?: unknown })?.value;
    if (key === "title" || key === "description") {
      if (typeof value !== "string" && typeof value !== "number") throw bad(`"${key}" must be text`, line, `write ${key}: followed by the text`);
      out[key] = String(value);
    } else if (key === "params") {
      if (value === null || value === undefined) continue;
      if (typeof value !== "object" || Array.isArray(value)) throw bad('"params" must map each parameter name to its default', line, "write e.g.\nparams:\n  period: 2024");
      for (const [name, def] of Object.entries(value as Record<string, unknown>)) {
        if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw bad(`parameter "${name}" is not a valid name`, line, "use letters, digits and _ (it is read as params.name in cells)");
        if (def === undefined) throw bad(`parameter "${name}" has no default`, line, `give it a default, e.g. ${name}: ""`);
        out.params[name] = def as ParamValue;
      }
    } else {
      throw bad(`unknown front-matter key "${key}"`, line, `use only ${FRONT_MATTER_KEYS.join(", ")}`);
    }
  }
  return out;
}
