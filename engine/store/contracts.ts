/**
 * Land contracts in a dataset, and the period's actual figures they are checked against.
 *
 *   DIR/contracts.csv                 contracts placed by hand (the demo ships this one), or
 *   DIR/contracts/r0001.<ext> + .json imported with `parkscore commitments DIR --contracts FILE`
 *                                     (append-only; the latest import wins over DIR/contracts.csv)
 *
 * The actuals come from the period's latest stored revision (readStoredPeriod); the cumulative
 * fixed-asset investment, which a scoring scheme rarely uses, comes with a merged period when a
 * department's source maps it, and is otherwise read from the revision's stored source file with
 * the scheme's header map.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { ParkscoreError, ProblemList } from "../errors.js";
import { sha256 } from "../hash.js";
import { parseNumber, notANumber } from "../data/numbers.js";
import { sourceRow, type Frame } from "../data/frame.js";
import { readFrame } from "../data/read.js";
import { writeFilesAtomically } from "./atomic.js";
import { openDataset, readStoredPeriod } from "./dataset.js";
import { withLock } from "./lock.js";
import type { Swept } from "./temporaries.js";
import { versions } from "./provenance.js";
import { breaches, evaluateCommitments, type Actual, type Contract, type ContractResult } from "../admission/commitments.js";

export const CONTRACT_HEADERS: Readonly<Record<string, string>> = {
  合同编号: "contract_id",
  企业代码: "id",
  企业名称: "name",
  签约日期: "contract_date",
  投产年份: "production_start",
  "考核年限(年)": "due_after_years",
  "出让面积(亩)": "land_mu",
  "投资强度(万元/亩)": "target_investment",
  "亩均产值(万元/亩)": "target_output",
  "亩均税收(万元/亩)": "target_tax",
};

/** Reads and validates a contracts file (any format readFrame reads). */
export async function readContracts(file: string): Promise<Contract[]> {
  const frame = await readFrame(file, {
    headerMap: { ...CONTRACT_HEADERS },
    numeric: ["production_start", "due_after_years", "target_investment", "target_output", "target_tax"],
    text: ["contract_id", "id"],
    optionalText: ["name", "contract_date", "land_mu"],
    key: ["contract_id"],
  });
  return contractsFromFrame(frame);
}

export function contractsFromFrame(frame: Frame): Contract[] {
  const list = new ProblemList();
  const { file, headers } = frame.origin;
  const num = (c: string) => frame.numbers.get(c)!;
  const out: Contract[] = [];
  for (let i = 0; i < frame.nrows; i++) {
    const row = sourceRow(frame, i);
    const col = (c: string) => headers.get(c) ?? c;
    const start = num("production_start")[i], due = num("due_after_years")[i];
    if (!Number.isInteger(start) || start < 1900 || start > 2200) list.add({ code: "contracts.year", file, row, column: col("production_start"), value: String(start), message: "not a year", fix: "write the year production started, e.g. 2021" });
    if (!Number.isInteger(due) || due < 0) list.add({ code: "contracts.due", file, row, column: col("due_after_years"), value: String(due), message: "not a whole number of years", fix: "write after how many years the targets are assessed, e.g. 3" });
    const landText = frame.texts.get("land_mu")?.[i] ?? "";
    const land = parseNumber(landText);
    if (land === undefined) list.add(notANumber({ file, row, column: col("land_mu") }, landText));
    const targets = { investment_intensity: num("target_investment")[i], output_per_mu: num("target_output")[i], tax_per_mu: num("target_tax")[i] };
    if (Object.values(targets).every((t) => Number.isNaN(t))) list.add({ code: "contracts.no-target", file, row, message: "the contract has no target", fix: "give at least one of 投资强度 / 亩均产值 / 亩均税收 (万元/亩)" });
    out.push({ contractId: frame.texts.get("contract_id")![i], id: frame.texts.get("id")![i], name: frame.texts.get("name")?.[i] ?? "", date: frame.texts.get("contract_date")?.[i] ?? "", productionStart: start, dueAfterYears: due, landMu: land ?? NaN, targets, row });
  }
  list.throwIfAny();
  return out;
}

const importsDir = (dir: string) => join(dir, "contracts");

/** The contracts file in force: the latest import, else DIR/contracts.csv. */
export function contractsFile(dir: string): string {
  const d = importsDir(dir);
  if (existsSync(d) && statSync(d).isDirectory()) {
    const imports = readdirSync(d).filter((f) => /^r\d{4}\.json$/.test(f)).sort();
    if (imports.length) return join(dir, JSON.parse(readFileSync(join(d, imports[imports.length - 1]), "utf8")).stored as string);
  }
  const plain = join(dir, "contracts.csv");
  if (existsSync(plain)) return plain;
  throw new ParkscoreError({ code: "contracts.none", file: dir, message: "the dataset has no land contracts", fix: "import them: parkscore commitments DIR --contracts contracts.csv (format: docs/admission.md)" });
}

/** Validates FILE and stores it as the dataset's next contracts revision. */
export async function importContracts(dir: string, file: string): Promise<{ stored: string; contracts: number; swept: Swept }> {
  openDataset(dir);
  const contracts = await readContracts(file);
  const bytes = readFileSync(file);
  return withLock(dir, "import contracts", (swept) => {
    const d = importsDir(dir);
    const n = existsSync(d) ? readdirSync(d).filter((f) => /^r\d{4}\.json$/.test(f)).length + 1 : 1;
    const name = `r${String(n).padStart(4, "0")}`;
    const stored = join("contracts", `${name}${extname(file).toLowerCase()}`);
    writeFilesAtomically(d, [{ name: `${name}${extname(file).toLowerCase()}`, data: bytes }]);
    const record = { revision: n, stored, source: basename(file), sha256: sha256(bytes), contracts: contracts.length, importedAt: new Date().toISOString(), parkscore: versions().parkscore };
    writeFilesAtomically(d, [{ name: `${name}.json`, data: JSON.stringify(record, null, 2) + "\n" }]);
    return { stored, contracts: contracts.length, swept };
  });
}

/** The columns of the period the commitments need (scheme column names). */
export const ACTUAL_COLUMNS = { land: "land_mu", investment: "fixed_investment", revenue: "revenue", tax: "tax" } as const;

/** The period's actual figures by enterprise id, with notes on what could not be read. */
export async function periodActuals(dir: string, period: string): Promise<{ actuals: Map<string, Actual>; notes: string[]; revision: string }> {
  const { scheme } = openDataset(dir);
  const { frame, revision } = await readStoredPeriod(dir, period, { scheme, also: [ACTUAL_COLUMNS.investment] });
  const notes: string[] = [];
  const ids = frame.texts.get(scheme.id)!;
  const col = (c: string): Float64Array => {
    const v = frame.numbers.get(c);
    if (v) return v;
    notes.push(`period ${period} has no column "${c}": the targets that need it are "no data"`);
    return new Float64Array(frame.nrows).fill(NaN);
  };
  const land = col(ACTUAL_COLUMNS.land), revenue = col(ACTUAL_COLUMNS.revenue), tax = col(ACTUAL_COLUMNS.tax);
  let invest = frame.numbers.get(ACTUAL_COLUMNS.investment);
  const byId = new Map<string, number>();
  if (!invest && scheme.departments.length) {
    notes.push(`no source of the scheme maps fixed_investment: investment-intensity targets are "no data"`);
    invest = new Float64Array(frame.nrows).fill(NaN);
  }
  if (!invest) {
    // Not stored (the scheme does not use it): read it from the revision's source file.
    try {
      const src = await readFrame(join(dir, revision.source.stored), { headerMap: scheme.columns, numeric: [ACTUAL_COLUMNS.investment], text: [scheme.id], key: [scheme.id] });
      const sIds = src.texts.get(scheme.id)!, sInv = src.numbers.get(ACTUAL_COLUMNS.investment)!;
      sIds.forEach((id, i) => byId.set(id, sInv[i]));
      notes.push(`fixed_investment read from the stored source file ${revision.source.stored}`);
    } catch (e) {
      notes.push(`cannot read fixed_investment for ${period} (${e instanceof ParkscoreError ? e.problems[0]?.message : (e as Error).message}): investment-intensity targets are "no data"`);
    }
    invest = Float64Array.from(ids, (id) => byId.get(id) ?? NaN);
  }
  const actuals = new Map<string, Actual>();
  ids.forEach((id, i) => actuals.set(id, { landMu: land[i], fixedInvestment: invest![i], revenue: revenue[i], tax: tax[i] }));
  return { actuals, notes, revision: revision.file };
}

export interface CommitmentReport {
  period: string;
  contractsFile: string;
  results: ContractResult[];
  breaches: ContractResult[];
  notes: string[];
}

/**
 * The commitments of a dataset for a period: every contract's status and the breach list. Other
 * code (scorecards' watch list, a scheme rule via the `contract_breach` column) calls this.
 */
export async function contractBreaches(dir: string, period: string, contracts?: string): Promise<CommitmentReport> {
  if (!/^\d{4}/.test(period)) throw new ParkscoreError({ code: "commitments.period", message: `period "${period}" does not start with a year`, fix: "commitments are assessed by year: use a period such as 2025" });
  const file = contracts ?? contractsFile(dir);
  const list = await readContracts(file);
  const { actuals, notes } = await periodActuals(dir, period);
  const results = evaluateCommitments(list, period, actuals);
  return { period, contractsFile: file, results, breaches: breaches(results), notes };
}
