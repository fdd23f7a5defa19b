/**
 * How cells share one scope. Each cell is compiled on its own:
 *
 *  1. esbuild strips TypeScript (loader ts; js cells go through the js loader so both get a source
 *     map). `verbatimModuleSyntax` keeps imports a later cell may be the only user of.
 *  2. acorn parses the result and the cell's *top-level* statements are rewritten in place, on the
 *     same lines (so error lines map back through esbuild's source map):
 *       const/let/var a = 1, {b} = o;   →  ;(a = 1, {b} = o);
 *       class A {…}                     →  ;A = class A {…};
 *       import x, {y as z} from "m"     →  ;({default: x, y: z} = await __import("m"));
 *       import * as ns from "m"         →  ;ns = await __import("m");
 *       function f() {…}                →  kept (hoisted), and `__scope.f = f;` runs first
 *       import("m") / import.meta       →  __import("m") / __importMeta (anywhere in the cell)
 *       last statement `expr;`          →  return (expr);
 *  3. The cell runs as `with (__scope) { return (async () => { …cell… })(); }` inside an async
 *     function compiled by vm.Script in this realm (so arrays, typed arrays and classes are the
 *     engine's own). Names a cell assigns resolve to properties of the one scope object (the runtime
 *     creates each declared name on it first), so a later cell, or a function defined earlier, sees
 *     the current value: one shared, live scope, with top-level await, and no re-declaration errors
 *     when a cell is edited and re-run. Nested declarations (inside blocks and functions) are normal.
 *
 * `with` needs sloppy mode; only the wrapper is sloppy, and cells rarely rely on strict-mode errors.
 * The alternatives were worse: one concatenated module cannot show per-cell results or stop at the
 * failing cell, and a vm context per notebook is another realm (instanceof fails across it).
 */
import { parse, type Node } from "acorn";
import { transform, type TransformFailure } from "esbuild";
import { decodeMappings, type Segment } from "./sourcemap.js";
import type { CellLang } from "./types.js";

export interface CompiledCell {
  /** Body of the cell's async function; transformed line n is line n of this text, after `PRELUDE_LINES`. */
  body: string;
  /** Names the cell declares at top level (they become properties of the shared scope). */
  declared: string[];
  /** Statements run before the cell (on its wrapper's first line): exports of hoisted functions to the scope. */
  hoisted: string[];
  /** esbuild's source map: transformed line → line in the cell. */
  map: Segment[][];
}

export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly cellLine?: number,
  ) {
    super(message);
    this.name = "SyntaxError";
  }
}

/** The wrapper's first line, before the cell's first transformed line. */
export const PRELUDE_LINES = 1;

type AnyNode = Node & Record<string, unknown>;
interface Edit {
  start: number;
  end: number;
  text: string;
}

export async function compileCell(code: string, lang: CellLang): Promise<CompiledCell> {
  let js: string;
  let rawMap: string;
  try {
    const r = await transform(code, {
      loader: lang,
      sourcemap: "external",
      sourcefile: `cell.${lang}`,
      target: "esnext",
      charset: "utf8",
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      logLevel: "silent",
    });
    js = r.code;
    rawMap = r.map;
  } catch (e) {
    const f = (e as TransformFailure).errors?.[0];
    if (!f) throw e;
    throw new CellSyntaxError(f.text, f.location?.line);
  }
  const map = decodeMappings(JSON.parse(rawMap).mappings);
  let program: AnyNode;
  try {
    program = parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true }) as unknown as AnyNode;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const line = loc ? (map[loc.line - 1]?.[0]?.srcLine ?? -1) + 1 || undefined : undefined;
    throw new CellSyntaxError((e as Error).message.replace(/ \(\d+:\d+\)$/, ""), line);
  }
  const edits: Edit[] = [];
  const declared = new Set<string>();
  const hoisted: string[] = [];
  const body = program.body as AnyNode[];

  for (const [i, node0] of body.entries()) {
    let node = node0;
    if (node.type === "ExportNamedDeclaration" && node.declaration) {
      const decl = node.declaration as AnyNode;
      edits.push({ start: node.start, end: decl.start, text: "" });
      node = decl;
    } else if (node.type === "ExportNamedDeclaration" || node.type === "ExportDefaultDeclaration" || node.type === "ExportAllDeclaration") {
      throw new CellSyntaxError("a cell cannot export: names it declares are already shared with later cells", lineOf(map, node));
    }
    switch (node.type) {
      case "VariableDeclaration": {
        const decls = node.declarations as AnyNode[];
        const kindEnd = node.start + String(node.kind).length;
        edits.push({ start: node.start, end: kindEnd, text: ";(" });
        for (const d of decls) {
          for (const name of patternNames(d.id as AnyNode)) declared.add(name);
          if (!d.init) edits.push({ start: d.end, end: d.end, text: " = void 0" });
        }
        const semi = js[node.end - 1] === ";";
        edits.push(semi ? { start: node.end - 1, end: node.end, text: ");" } : { start: node.end, end: node.end, text: ");" });
        break;
      }
      case "ClassDeclaration": {
        const name = (node.id as AnyNode).name as string;
        declared.add(name);
        edits.push({ start: node.start, end: node.start, text: `;${name} = ` }, { start: node.end, end: node.end, text: ";" });
        break;
      }
      case "FunctionDeclaration": {
        const name = (node.id as AnyNode).name as string;
        declared.add(name);
        hoisted.push(`__scope[${JSON.stringify(name)}] = ${name};`);
        break;
      }
      case "ImportDeclaration": {
        const from = `await __import(${JSON.stringify((node.source as AnyNode).value)})`;
        const specs = node.specifiers as AnyNode[];
        const ns = specs.find((s) => s.type === "ImportNamespaceSpecifier");
        const parts: string[] = [];
        for (const s of specs) {
          const local = (s.local as AnyNode).name as string;
          declared.add(local);
          if (s.type === "ImportDefaultSpecifier") parts.push(`default: ${local}`);
          else if (s.type === "ImportSpecifier") {
            const imported = s.imported as AnyNode;
            parts.push(`${JSON.stringify(imported.type === "Identifier" ? imported.name : imported.value)}: ${local}`);
          }
        }
        let text: string;
        if (ns) {
          const local = (ns.local as AnyNode).name as string;
          text = `;${local} = ${from};` + (parts.length ? `({${parts.join(", ")}} = ${local});` : "");
        } else text = parts.length ? `;({${parts.join(", ")}} = ${from});` : `;${from};`;
        edits.push({ start: node.start, end: node.end, text });
        break;
      }
      case "ExpressionStatement": {
        if (i === body.length - 1) {
          // The statement's span, not the expression's: acorn leaves a parenthesised expression's parens outside it.
          const end = js[node.end - 1] === ";" ? node.end - 1 : node.end;
          edits.push({ start: node.start, end: node.start, text: "return (" }, { start: end, end, text: ")" });
        }
        break;
      }
    }
  }
  walk(program, (n) => {
    if (n.type === "ImportExpression") edits.push({ start: n.start, end: n.start + "import".length, text: "__import" });
    else if (n.type === "MetaProperty" && (n.meta as AnyNode).name === "import") edits.push({ start: n.start, end: n.end, text: "__importMeta" });
  });
  return { body: applyEdits(js, edits), declared: [...declared], hoisted, map };
}

function lineOf(map: Segment[][], node: AnyNode): number | undefined {
  const loc = node.loc as { start: { line: number } } | undefined;
  const seg = loc ? map[loc.start.line - 1]?.[0] : undefined;
  return seg ? seg.srcLine + 1 : undefined;
}

/** The identifiers bound by a declaration pattern (`a`, `{a, b: [c, ...d]}`, `{e = 1}`…). */
export function patternNames(p: AnyNode, out: string[] = []): string[] {
  switch (p.type) {
    case "Identifier":
      out.push(p.name as string);
      break;
    case "ObjectPattern":
      for (const prop of p.properties as AnyNode[]) patternNames((prop.type === "RestElement" ? prop.argument : prop.value) as AnyNode, out);
      break;
    case "ArrayPattern":
      for (const el of p.elements as (AnyNode | null)[]) if (el) patternNames(el, out);
      break;
    case "RestElement":
      patternNames(p.argument as AnyNode, out);
      break;
    case "AssignmentPattern":
      patternNames(p.left as AnyNode, out);
      break;
  }
  return out;
}

/** Visits every node (a generic walk over ESTree children). */
function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  visit(node);
  for (const [k, v] of Object.entries(node)) {
    if (k === "loc") continue;
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c === "object" && typeof (c as AnyNode).type === "string") walk(c as AnyNode, visit);
    } else if (v && typeof v === "object" && typeof (v as AnyNode).type === "string") walk(v as AnyNode, visit);
  }
}

/** Applies non-overlapping edits (insertions at the same place keep their order). */
function applyEdits(text: string, edits: Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}
