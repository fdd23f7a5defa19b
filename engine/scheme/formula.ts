/**
 * The scheme's formula language: mathjs syntax, compiled once into a column kernel.
 *
 * A formula is parsed with mathjs, checked against a small whitelist of operators and functions,
 * and turned into the source of one fused loop over Float64Arrays (`new Function`), called per block
 * of rows (engine/kernels/blocks.ts). Evaluating it over a million rows is a single pass with no per-row
 * closures and no mathjs at run time. Names
 * become array reads, numbers become literals, so the generated code cannot reach anything else.
 *
 * Semantics are those of numbers with missing values (NaN): a missing operand gives a missing
 * result; comparisons and logic give 1 or 0 (three-valued: `0 and missing` is 0); a division by zero
 * gives a missing value and is counted so the caller can warn (never Infinity); any other non-finite
 * result (log of 0, overflow) is also made missing and counted.
 */
import { column } from "../kernels/arena.js";
import type { MathNode } from "mathjs";
import { forBlocks } from "../kernels/blocks.js";
import { mathjs } from "../mathjs.js";
import { MethodError } from "../errors.js";

export class FormulaError extends MethodError {}

/** Rows (0-based) where a formula produced a missing value from present inputs, or divided by a negative number. */
export interface FormulaIssues {
  divisionByZero: number;
  nonFinite: number;
  /** The first few rows concerned, for the warning text. */
  rows: number[];
  /** Rows where a divisor was negative (a negative land area, headcount or energy use turns a ratio's sign). */
  negativeDivisor: number;
  /** The first few of them. */
  negativeRows: number[];
}

export interface CompiledFormula {
  readonly source: string;
  /** Every name the formula reads, in order of first use. */
  readonly symbols: readonly string[];
  /** The divisors of its divisions, as written (`land_mu` in `tax / land_mu`). */
  readonly divisors: readonly string[];
  /** Evaluates over columns given in the order of `symbols`. */
  evaluate(columns: readonly Float64Array[], n: number): { values: Float64Array; issues: FormulaIssues };
}

const BINARY: Record<string, string> = {
  add: "+",
  subtract: "-",
  multiply: "*",
  dotMultiply: "*",
};

const COMPARE: Record<string, string> = {
  smaller: "<",
  smallerEq: "<=",
  larger: ">",
  largerEq: ">=",
  equal: "===",
  unequal: "!==",
};

/** Functions of one argument mapped onto Math. */
const UNARY_FUNCTIONS: Record<string, string> = {
  abs: "Math.abs",
  sqrt: "Math.sqrt",
  exp: "Math.exp",
  log10: "Math.log10",
  floor: "Math.floor",
  ceil: "Math.ceil",
  round: "Math.round",
};

export const FORMULA_FUNCTIONS = [...Object.keys(UNARY_FUNCTIONS), "log", "min", "max", "missing"] as const;

/** Helpers the generated loop calls; small, monomorphic, inlined by V8. */
const HELPERS = {
  and(a: number, b: number): number {
    return a === 0 || b === 0 ? 0 : a !== a || b !== b ? 0 / 0 : 1;
  },
  or(a: number, b: number): number {
    return (a === a && a !== 0) || (b === b && b !== 0) ? 1 : a !== a || b !== b ? 0 / 0 : 0;
  },
  not(a: number): number {
    return a !== a ? 0 / 0 : a === 0 ? 1 : 0;
  },
  min(...xs: number[]): number {
    let m = Infinity;
    for (const x of xs) {
      if (x !== x) return NaN;
      if (x < m) m = x;
    }
    return m;
  },
  max(...xs: number[]): number {
    let m = -Infinity;
    for (const x of xs) {
      if (x !== x) return NaN;
      if (x > m) m = x;
    }
    return m;
  },
};

/**
 * A missing value in generated code: `0 / 0` is a number constant to the optimiser, while `NaN` is a
 * global it keeps boxed, which makes every row's value a heap allocation (engine/kernels/README.md).
 */
const MISSING = "(0 / 0)";

interface Gen {
  symbols: string[];
  temps: number;
  divisors: string[];
}

const compiled = new Map<string, CompiledFormula>();

/**
 * Compiles `source` (once: later calls return the same kernel); throws FormulaError with a readable
 * message if it uses anything unsupported.
 */
export function compileFormula(source: string): CompiledFormula {
  let f = compiled.get(source);
  if (!f) compiled.set(source, (f = compile(source)));
  return f;
}

function compile(source: string): CompiledFormula {
  let root: MathNode;
  try {
    root = mathjs().parse(source);
  } catch (e) {
    throw new FormulaError(`cannot parse formula "${source}": ${(e as Error).message}`);
  }
  const gen: Gen = { symbols: [], temps: 0, divisors: [] };
  const expr = emit(root, gen);
  const symbols = gen.symbols;
  const temps = Array.from({ length: gen.temps }, (_, k) => `t${k}`);
  // Only a formula that divides tracks negative divisors (`ng`), so other kernels stay as they were.
  const divides = gen.divisors.length > 0;
  const body = `
    ${symbols.map((_, k) => `const c${k} = cols[${k}];`).join("\n")}
    ${temps.length ? `let ${temps.join(", ")};` : ""}
    let dz = counts[0], nf = counts[1], nd = counts[2], z = false${divides ? ", ng = false" : ""};
    for (let i = b; i < e; i++) {
      z = false;${divides ? " ng = false;" : ""}
      let v = ${expr};
      if (z) { dz++; v = ${MISSING}; if (rows.length < 5) rows.push(i); }
      else if (v === Infinity || v === -Infinity) { nf++; v = ${MISSING}; if (rows.length < 5) rows.push(i); }
      ${divides ? "if (ng) { nd++; if (negative.length < 5) negative.push(i); }" : ""}
      out[i] = v;
    }
    counts[0] = dz;
    counts[1] = nf;
    counts[2] = nd;`;
  // Rows [b, e), the division-by-zero, non-finite and negative-divisor counts continued in `counts`.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const kernel = new Function("H", "cols", "out", "rows", "negative", "counts", "b", "e", body) as (
    h: typeof HELPERS,
    cols: readonly Float64Array[],
    out: Float64Array,
    rows: number[],
    negative: number[],
    counts: Int32Array,
    b: number,
    e: number,
  ) => void;
  return {
    source,
    symbols,
    divisors: gen.divisors,
    evaluate(columns, n) {
      if (columns.length !== symbols.length) throw new Error("formula evaluated with the wrong number of columns");
      const values = column(n);
      const rows: number[] = [];
      const negative: number[] = [];
      const counts = new Int32Array(3);
      forBlocks(n, (b, e) => kernel(HELPERS, columns, values, rows, negative, counts, b, e));
      return { values, issues: { divisionByZero: counts[0], nonFinite: counts[1], rows, negativeDivisor: counts[2], negativeRows: negative } };
    },
  };
}

function emit(node: MathNode, g: Gen): string {
  const n = node as MathNode & Record<string, any>;
  switch (node.type) {
    case "ParenthesisNode":
      return emit(n.content, g);
    case "ConstantNode": {
      const v = n.value;
      if (typeof v === "number") return Number.isFinite(v) ? `(${String(v)})` : MISSING;
      if (typeof v === "boolean") return v ? "1" : "0";
      throw new FormulaError(`only numbers can be used in formulas, not ${JSON.stringify(v)}`);
    }
    case "SymbolNode": {
      const name: string = n.name;
      if (name === "true") return "1";
      if (name === "false") return "0";
      let k = g.symbols.indexOf(name);
      if (k < 0) k = g.symbols.push(name) - 1;
      return `c${k}[i]`;
    }
    case "OperatorNode": {
      const fn: string = n.fn;
      const args: string[] = n.args.map((a: MathNode) => emit(a, g));
      if (args.length === 1) {
        if (fn === "unaryMinus") return `(-${args[0]})`;
        if (fn === "unaryPlus") return `(+${args[0]})`;
        if (fn === "not") return `H.not(${args[0]})`;
      } else if (args.length === 2) {
        const [a, b] = args;
        if (fn in BINARY) return `(${a} ${BINARY[fn]} ${b})`;
        if (fn in COMPARE) {
          const ta = `t${g.temps++}`;
          const tb = `t${g.temps++}`;
          return `((${ta} = ${a}) !== ${ta} || (${tb} = ${b}) !== ${tb} ? ${MISSING} : ${ta} ${COMPARE[fn]} ${tb} ? 1 : 0)`;
        }
        if (fn === "divide" || fn === "dotDivide") {
          const t = `t${g.temps++}`;
          g.divisors.push(n.args[1].toString());
          // Positive first (the common case, one comparison); a missing divisor gives a missing value.
          return `((${t} = ${b}) > 0 ? ${a} / ${t} : ${t} === 0 ? (z = true, ${MISSING}) : ${t} < 0 ? (ng = true, ${a} / ${t}) : ${MISSING})`;
        }
        if (fn === "pow" || fn === "dotPow") return `Math.pow(${a}, ${b})`;
        if (fn === "and") return `H.and(${a}, ${b})`;
        if (fn === "or") return `H.or(${a}, ${b})`;
      }
      throw new FormulaError(`operator "${n.op}" is not supported in formulas`);
    }
    case "ConditionalNode": {
      const t = `t${g.temps++}`;
      const c = emit(n.condition, g);
      const a = emit(n.trueExpr, g);
      const b = emit(n.falseExpr, g);
      // Lazy, so that a guarded division (`x > 0 ? y / x : 0`) never counts as a division by zero.
      return `((${t} = ${c}) !== ${t} ? ${MISSING} : ${t} !== 0 ? ${a} : ${b})`;
    }
    case "FunctionNode": {
      const name: string = n.fn?.name ?? String(n.fn);
      const args: string[] = n.args.map((a: MathNode) => emit(a, g));
      if (name in UNARY_FUNCTIONS && args.length === 1) return `${UNARY_FUNCTIONS[name]}(${args[0]})`;
      if (name === "log" && args.length === 1) return `Math.log(${args[0]})`;
      if (name === "log" && args.length === 2) return `(Math.log(${args[0]}) / Math.log(${args[1]}))`;
      if ((name === "min" || name === "max") && args.length >= 1) return `H.${name}(${args.join(", ")})`;
      if (name === "missing" && args.length === 1) {
        const t = `t${g.temps++}`;
        return `((${t} = ${args[0]}) !== ${t} ? 1 : 0)`;
      }
      if ([...FORMULA_FUNCTIONS].includes(name as never))
        throw new FormulaError(`function ${name}() called with ${args.length} argument(s)`);
      throw new FormulaError(`unknown function ${name}(); available: ${FORMULA_FUNCTIONS.join(", ")}`);
    }
    default:
      throw new FormulaError(`"${node.toString()}" is not supported in formulas (${node.type})`);
  }
}
