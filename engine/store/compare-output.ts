/**
 * The files of `compare`: one period scored under several aggregation methods — compare.csv (each
 * enterprise's rank and score by method), agreement.csv (rank agreement of every pair), manifest.json —
 * written atomically together.
 */
import { ParkscoreError } from "../errors.js";
import { csvStream } from "../data/write-csv.js";
import { aggregationMethods } from "../scheme/schema.js";
import type { AggregationMethod } from "../scheme/types.js";
import { agreementTable, compareMethods, comparisonTable, type MethodComparison } from "../sensitivity/compare.js";
import { replaceFolder } from "./atomic.js";
import { loadPeriodInput, type PeriodInputOptions } from "./input.js";
import { versions } from "./provenance.js";

export interface CompareRequest extends PeriodInputOptions {
  scheme: string;
  input: string;
  out: string;
  /** At least two aggregation methods, by name. */
  methods: string[];
}

/** Scores the period under each method and writes the comparison to `out`. */
export async function compareToFolder(o: CompareRequest): Promise<MethodComparison> {
  const unknown = o.methods.filter((m) => !(aggregationMethods as readonly string[]).includes(m));
  if (unknown.length || o.methods.length < 2)
    throw new ParkscoreError({
      code: "cli.methods",
      message: unknown.length ? `unknown method(s): ${unknown.join(", ")}` : "compare needs at least two methods",
      fix: `choose from ${aggregationMethods.join(", ")}`,
    });
  const { scheme, frame, input } = await loadPeriodInput(o.scheme, o.input, o);
  const c = compareMethods(frame, scheme, o.methods as AggregationMethod[]);
  const manifest = { ...versions(), command: "compare", created: new Date().toISOString(), period: o.period ?? null, scheme: { file: scheme.file, sha256: scheme.hash }, inputs: [input], methods: o.methods, agreement: c.agreement };
  await replaceFolder(o.out, (s) =>
    s.write([
      { name: "compare.csv", data: csvStream(comparisonTable(c), frame.nrows) },
      { name: "agreement.csv", data: csvStream(agreementTable(c), c.agreement.length) },
      { name: "manifest.json", data: JSON.stringify(manifest, null, 2) + "\n" },
    ]),
  );
  return c;
}
