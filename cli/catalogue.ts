/**
 * The commands as help lists them, known without loading them: `parkscore --help` and
 * `--version` load none of the engine, which each command's module brings when it runs.
 * test/cli/catalogue.test.ts holds this list to the commands themselves.
 */
export interface CatalogueEntry {
  name: string;
  /** How help's list shows the command: its name, `[options]`, its arguments. */
  term: string;
  description: string;
}

export const CATALOGUE: CatalogueEntry[] = [
  { name: "init", term: "init <dir>", description: "create a dataset: DIR/scheme.yaml (a commented template) and the folders for periods and runs" },
  { name: "import", term: "import [options] <dir> <file>", description: "validate a period's data (or, with --source, one department's file) against the dataset's scheme and store it (a new revision; nothing is overwritten)" },
  { name: "intake", term: "intake [options] <dir>", description: "the coverage report of a period delivered by department: per source its rows, the participants matched and lacking, codes not on the participant list (with the nearest participant), repeated codes, values that fail the scheme's checks; intake.csv and intake.xlsx (a sheet per department)" },
  { name: "history", term: "history [options] <dir>", description: "list the revisions of a period (or of every period): who imported what, when, hashes, rows; then its runs" },
  { name: "score", term: "score [options] [dir]", description: "score a period: a file by a scheme (--scheme, --input, --out), or a dataset's stored periods (DIR --period P | --all)" },
  { name: "dynamic", term: "dynamic [options] <dir>", description: "combine a window of periods: time weights by time degree λ, growth from differences, movement, trends, grade transitions" },
  { name: "warnings", term: "warnings [options] <dir>", description: "enterprises whose grade fell, whose score fell N periods in a row, or who stay in the worst grade (with the Shandong surcharge step)" },
  { name: "validate", term: "validate [options]", description: "check a scheme, and a data file against it, reporting every problem" },
  { name: "compare", term: "compare [options]", description: "score one period under several aggregation methods and measure how much their rankings agree" },
  { name: "time-weights", term: "time-weights [options]", description: "print the maximum-entropy time weights for p periods and time degree λ (Guo Yajun 2007), earliest first" },
  { name: "admit", term: "admit [options]", description: "screen applicant projects against national land-use control indicators and a park's local standard: every check, margin, decision (admit / admit with conditions / incomplete / reject)" },
  { name: "commitments", term: "commitments [options] <dir>", description: "land-contract targets (投资强度, 亩均产值, 亩均税收 in 万元/亩) of admitted enterprises vs the period's actuals: met / not met / not yet due, and the contracts in breach" },
  { name: "notebook", term: "notebook", description: "run Markdown + TypeScript notebooks into self-contained HTML pages, or preview them live" },
  { name: "report", term: "report [options] <dir>", description: "a self-contained static report of one period: index.html (league table), enterprises/<id>.html (one card each), league.xlsx; --pdf prints them with headless Chromium" },
  { name: "sensitivity", term: "sensitivity [options] [dir]", description: "how much the ranking rests on the method's choices: Monte Carlo rank intervals and grade stability, Sobol indices, leave-one-indicator-out" },
  { name: "demo", term: "demo [options]", description: "score the shipped demo dataset's latest period into out/demo/" },
];

/** A command's description, as its module and help's list give it. */
export function about(name: string): string {
  const entry = CATALOGUE.find((e) => e.name === name);
  if (!entry) throw new Error(`no command "${name}" in cli/catalogue.ts`);
  return entry.description;
}
