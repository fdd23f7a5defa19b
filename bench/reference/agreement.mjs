// How far DuckDB's scores are from parkscore's, enterprise by enterprise: the reference must do the same work.
//   node bench/reference/agreement.mjs OURS.csv THEIRS.parquet   → one line of JSON
import { DuckDBInstance } from "@duckdb/node-api";

const [ours, theirs] = process.argv.slice(2);
const con = await (await DuckDBInstance.create(":memory:")).connect();
const quote = (s) => `'${s.replace(/'/g, "''")}'`;
const reader = await con.runAndReadAll(`
  SELECT count(*) AS rows, max(abs(a.score - b.score)) AS score, max(abs(a."contrib.tax" - b."contrib.tax")) AS contrib,
    max(abs(a."norm.emissions" - b."norm.emissions")) AS norm, sum(CASE WHEN a.grade <> b.grade THEN 1 ELSE 0 END) AS grades
  FROM read_csv(${quote(ours)}) a JOIN read_parquet(${quote(theirs)}) b ON a.id = b.id`);
const [row] = reader.getRowObjectsJson();
process.stdout.write(JSON.stringify(row) + "\n");
