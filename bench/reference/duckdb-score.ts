/**
 * The benchmark's reference: what `parkscore score --scheme <bench scheme, TOPSIS> --input F --out DIR`
 * does, done by DuckDB in SQL, as one whole process. It reads the CSV, derives the six ratio
 * indicators, normalises every indicator as parkscore's TOPSIS does by default — vector
 * normalisation, x/√Σx² (1 − that for a cost), a missing value scored as the indicator's worst —
 * applies the expert weights, computes TOPSIS (ideal and anti-ideal points, distances, closeness × 100, each indicator's share of the distance from the anti-ideal), ranks
 * with ties sharing the lowest number, gives quota grades, and writes `scores.csv` with the columns
 * of parkscore's (id, name, status, score, raw, rank, grade, vetoed, reasons, norm.*, contrib.*,
 * value.*) and `scores.parquet`, DuckDB's own columnar file, in place of parkscore's Arrow file.
 *
 * The SQL is built here; bench/reference/run-sql.mjs runs it in a process of its own (plain
 * JavaScript, so that no TypeScript loader is timed with DuckDB).
 */
import { join } from "node:path";
import { benchIndicators } from "../scheme.js";

/** The SQL that scores `file` into `out`/scores.csv and `out`/scores.parquet. */
export function duckdbScoreSql(file: string, out: string): string {
  const ind = benchIndicators();
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const wsum = ind.reduce((s, x) => s + x.weight, 0);

  // A formula of the bench scheme is `a / b`: a zero or missing divisor gives no value.
  const value = (x: (typeof ind)[number]) => (x.formula ? x.formula.replace(/^(\w+) \/ (\w+)$/, "$1 / NULLIF($2, 0)") : q(x.column!));
  const norm = (x: (typeof ind)[number]) => `${x.direction === "benefit" ? "" : "1 - "}v_${x.id} / NULLIF(l_${x.id}, 0)`;
  const w = (x: (typeof ind)[number]) => x.weight / wsum;
  const each = (f: (x: (typeof ind)[number]) => string, sep = ", ") => ind.map(f).join(sep);

  // Each column-wide figure (a length, a worst value, the ideal points) is one aggregate over the
  // table, computed once into a one-row table and joined, as one would write it for DuckDB.
  return `
CREATE TABLE v AS SELECT row_number() OVER () AS row, code, name, ${each((x) => `${value(x)} AS v_${x.id}`)} FROM read_csv(${lit(file)}, header = true);
CREATE TABLE len AS SELECT ${each((x) => `sqrt(SUM(v_${x.id} * v_${x.id})) AS l_${x.id}`)} FROM v;
CREATE TABLE n0 AS SELECT v.*, ${each((x) => `${norm(x)} AS r0_${x.id}`)} FROM v, len;
CREATE TABLE worst AS SELECT ${each((x) => `MIN(r0_${x.id}) AS w_${x.id}`)} FROM n0;
CREATE TABLE n AS SELECT row, code, name, ${each((x) => `v_${x.id}, COALESCE(r0_${x.id}, w_${x.id}, 0) AS r_${x.id}`)} FROM n0, worst;
CREATE TABLE ext AS SELECT ${each((x) => `MAX(r_${x.id}) AS hi_${x.id}, MIN(r_${x.id}) AS lo_${x.id}`)}, COUNT(*) AS m FROM n;
CREATE TABLE d AS SELECT n.*,
  sqrt(${each((x) => `power(${w(x)} * (r_${x.id} - hi_${x.id}), 2)`, " + ")}) AS dplus,
  sqrt(${each((x) => `power(${w(x)} * (r_${x.id} - lo_${x.id}), 2)`, " + ")}) AS dminus
  FROM n, ext;
CREATE TABLE s AS SELECT *, CASE WHEN dplus + dminus = 0 THEN 1 ELSE dminus / (dplus + dminus) END AS raw FROM d;
CREATE TABLE g AS SELECT *, rank() OVER (ORDER BY raw DESC) AS rank FROM s;
CREATE TABLE scores AS
  SELECT code AS id, name, 'graded' AS status, 100 * raw AS score, raw, rank,
    CASE WHEN rank - 1 < 0.2 * m THEN 'A' WHEN rank - 1 < 0.6 * m THEN 'B' WHEN rank - 1 < 0.95 * m THEN 'C' ELSE 'D' END AS grade,
    false AS vetoed,
    concat_ws('; ', ${each((x) => `CASE WHEN v_${x.id} IS NULL THEN ${lit(`no ${x.id} value: scored as the worst`)} END`)}) AS reasons,
    ${each((x) => `r_${x.id} AS ${q(`norm.${x.id}`)}`)},
    ${each((x) => `CASE WHEN dminus = 0 THEN 100 * raw * ${w(x)} ELSE 100 * raw * power(${w(x)} * (r_${x.id} - lo_${x.id}), 2) / power(dminus, 2) END AS ${q(`contrib.${x.id}`)}`)},
    ${each((x) => `v_${x.id} AS ${q(`value.${x.id}`)}`)}
  FROM g, ext ORDER BY row;
COPY scores TO ${lit(join(out, "scores.parquet"))} (FORMAT parquet);
COPY scores TO ${lit(join(out, "scores.csv"))} (HEADER, DELIMITER ',');
  `;
}
