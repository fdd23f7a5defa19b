/**
 * cli/ and notebooks/runtime/ reach the engine only through its public API, engine/index.ts. The
 * sources are tokenised (comments, strings, templates and regular expressions skipped as such), so
 * every kind of import counts — static, `import type`, `export … from`, `import("…")` — and a path
 * that only appears in a comment or a string does not.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli/helpers.js";

const BOUNDED = ["cli", "notebooks/runtime"];
const PUBLIC_API = "engine/index";

type Token = { kind: "word" | "string" | "punct"; text: string };

/** The tokens that can take part in an import: words, string literals (their value) and punctuation. */
function tokens(src: string): Token[] {
  const out: Token[] = [];
  const last = () => out[out.length - 1];
  // A `/` starts a regular expression unless it follows something that ends an expression.
  const regexAllowed = () => {
    const t = last();
    if (!t) return true;
    if (t.kind === "string") return false;
    if (t.kind === "word") return ["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"].includes(t.text);
    return !")]}".includes(t.text);
  };
  // Template literals nest: `${` opens an expression that a matching `}` closes.
  const braces: ("code" | "template")[] = [];
  let i = 0;
  const template = () => {
    let text = "";
    while (i < src.length && src[i] !== "`") {
      if (src[i] === "\\") (text += src[i + 1]), (i += 2);
      else if (src[i] === "$" && src[i + 1] === "{") {
        braces.push("template");
        i += 2;
        return { text, open: true };
      } else text += src[i++];
    }
    i++;
    return { text, open: false };
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (src.startsWith("//", i)) i = src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
    else if (src.startsWith("/*", i)) i = src.indexOf("*/", i + 2) + 2 || src.length;
    else if (c === '"' || c === "'") {
      let text = "";
      for (i++; i < src.length && src[i] !== c; i++) text += src[i] === "\\" ? src[++i] : src[i];
      i++;
      out.push({ kind: "string", text });
    } else if (c === "`") {
      i++;
      out.push({ kind: "punct", text: "`" + template().text });
    } else if (c === "}" && braces.at(-1) === "template") {
      braces.pop();
      i++;
      out.push({ kind: "punct", text: "`" + template().text });
    } else if (c === "/" && regexAllowed()) {
      let inClass = false;
      for (i++; i < src.length && (src[i] !== "/" || inClass); i++) {
        if (src[i] === "\\") i++;
        else if (src[i] === "[") inClass = true;
        else if (src[i] === "]") inClass = false;
      }
      for (i++; /[a-z]/.test(src[i] ?? ""); i++);
      out.push({ kind: "punct", text: "/regex/" });
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[\w$]+/.exec(src.slice(i))![0];
      out.push({ kind: "word", text: m });
      i += m.length;
    } else if (/\d/.test(c)) {
      const m = /^[\w.]+/.exec(src.slice(i))![0];
      out.push({ kind: "word", text: m });
      i += m.length;
    } else {
      if (c === "{") braces.push("code");
      if (c === "}") braces.pop();
      out.push({ kind: "punct", text: c });
      i++;
    }
  }
  return out;
}

/** Every module a source names: `… from "m"`, `import "m"`, `import("m")` (values and types alike), `require("m")`. */
function moduleSpecifiers(src: string): string[] {
  const t = tokens(src);
  const found: string[] = [];
  t.forEach((tok, k) => {
    if (tok.kind !== "string") return;
    const prev = t[k - 1], before = t[k - 2];
    const isWord = (x: Token | undefined, w: string) => x?.kind === "word" && x.text === w;
    if (isWord(prev, "from") || isWord(prev, "import") || (prev?.text === "(" && (isWord(before, "import") || isWord(before, "require")))) found.push(tok.text);
  });
  return found;
}

/** The imports of `file` (relative to the repository) that reach into engine/ other than engine/index.ts. */
function boundaryViolations(file: string, src: string): string[] {
  return moduleSpecifiers(src).filter((spec) => {
    if (!spec.startsWith(".")) return false;
    const target = relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\\/g, "/").replace(/\.(js|ts)$/, "");
    return target.startsWith("engine/") && target !== PUBLIC_API;
  });
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(`${dir}/${e.name}`) : e.name.endsWith(".ts") ? [`${dir}/${e.name}`] : []));
}

describe("engine/index.ts is the one door", () => {
  it("finds every kind of import into engine/, and nothing in comments, strings or regular expressions", () => {
    const planted = [
      'import { ParkscoreError } from "../engine/errors.js";',
      "import type {\n  Frame,\n  ReadSpec,\n} from '../engine/data/frame.js';",
      'import { type Scheme, openDataset } from "../engine/index.js";',
      'export { csvChunks } from "../engine/data/write-csv.js";',
      'export type * from "../engine/scheme/types.js";',
      'import "../engine/mathjs.js";',
      'const pdf = await import(\n  "../engine/report/pdf.js"\n);',
      'let m: typeof import("../engine/store/atomic.js");',
      'const re = /from "..\\/engine\\/hash.js"/g; const s = "import x from \'../engine/hash.js\'";',
      '// import { sha256 } from "../engine/hash.js";',
      '/* export * from "../engine/hash.js" */',
      'const t = `${a} from "../engine/hash.js" ${`import("../engine/hash.js")`}`;',
      'const half = 1 / 2; const x = y / 3; import { fixed } from "./format.js";',
    ].join("\n");
    expect(boundaryViolations("cli/planted.ts", planted)).toEqual([
      "../engine/errors.js",
      "../engine/data/frame.js",
      "../engine/data/write-csv.js",
      "../engine/scheme/types.js",
      "../engine/mathjs.js",
      "../engine/report/pdf.js",
      "../engine/store/atomic.js",
    ]);
    expect(moduleSpecifiers(planted)).toContain("./format.js");
    // From a deeper folder, the same module is two levels up; the public API stays allowed.
    expect(boundaryViolations("notebooks/runtime/x.ts", 'import * as ps from "../../engine/index.js";\nimport { a } from "../../engine/store/window.js";')).toEqual(["../../engine/store/window.js"]);
  });

  it("holds in cli/ and notebooks/runtime/", () => {
    const files = BOUNDED.flatMap(sources);
    expect(files.length).toBeGreaterThan(30);
    const reached = files.flatMap((f) => moduleSpecifiers(readFileSync(join(ROOT, f), "utf8")));
    expect(reached).toContain("../../engine/index.js"); // the scanner sees the tree's imports
    const violations = files.flatMap((f) => boundaryViolations(f, readFileSync(join(ROOT, f), "utf8")).map((spec) => `${f}: ${spec}`));
    expect(violations).toEqual([]);
  });
});
