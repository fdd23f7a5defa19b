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
  const norm = (x: (typeof ind)[number]) => `${x.direction === "benefit" ? "" : "1 - "}v_${x.id} / NULLIF(sqrt(SUM(v_${x.id} * v_${x.id}) OVER ()), 0)`;

  return `
CREATE TABLE src AS SELECT * FROM read_csv(${lit(file)}, header = true, all_varchar = false);
CREATE TABLE v AS SELECT row_number() OVER () AS row, code, name, ${ind.map((x) => `${value(x)} AS v_${x.id}`).join(", ")} FROM src;
CREATE TABLE n0 AS SELECT *, ${ind.map((x) => `${norm(x)} AS r0_${x.id}`).join(", ")} FROM v;
CREATE TABLE n AS SELECT *, ${ind.map((x) => `COALESCE(r0_${x.id}, MIN(r0_${x.id}) OVER (), 0) AS r_${x.id}`).join(", ")} FROM n0;
CREATE TABLE d AS SELECT *,
  sqrt(${ind.map((x) => `power(${x.weight / wsum} * (r_${x.id} - MAX(r_${x.id}) OVER ()), 2)`).join(" + ")}) AS dplus,
  sqrt(${ind.map((x) => `power(${x.weight / wsum} * (r_${x.id} - MIN(r_${x.id}) OVER ()), 2)`).join(" + ")}) AS dminus
  FROM n;
CREATE TABLE s AS SELECT *, CASE WHEN dplus + dminus = 0 THEN 1 ELSE dminus / (dplus + dminus) END AS raw FROM d;
CREATE TABLE g AS SELECT *, 100 * raw AS score, rank() OVER (ORDER BY raw DESC) AS rank, COUNT(*) OVER () AS m FROM s;
COPY (
  SELECT code AS id, name, 'graded' AS status, score, raw, rank,
    CASE WHEN rank - 1 < 0.2 * m THEN 'A' WHEN rank - 1 < 0.6 * m THEN 'B' WHEN rank - 1 < 0.95 * m THEN 'C' ELSE 'D' END AS grade,
    false AS vetoed,
    concat_ws('; ', ${ind.map((x) => `CASE WHEN v_${x.id} IS NULL THEN ${lit(`no ${x.id} value: scored as the worst`)} END`).join(", ")}) AS reasons,
    ${ind.map((x) => `r_${x.id} AS ${q(`norm.${x.id}`)}`).join(", ")},
    ${ind.map((x) => `CASE WHEN dminus = 0 THEN score * ${x.weight / wsum} ELSE score * power(${x.weight / wsum} * (r_${x.id} - MIN(r_${x.id}) OVER ()), 2) / power(dminus, 2) END AS ${q(`contrib.${x.id}`)}`).join(", ")},
    ${ind.map((x) => `v_${x.id} AS ${q(`value.${x.id}`)}`).join(", ")}
  FROM g ORDER BY row
) TO ${lit(join(out, "scores.parquet"))} (FORMAT parquet);
COPY (SELECT * FROM read_parquet(${lit(join(out, "scores.parquet"))})) TO ${lit(join(out, "scores.csv"))} (HEADER, DELIMITER ',');
  `;
}
