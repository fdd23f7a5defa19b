// Runs the SQL in a file with DuckDB, in a fresh in-memory database: the reference of the whole-command benchmark.
//   node bench/reference/run-sql.mjs FILE.sql
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const instance = await DuckDBInstance.create(":memory:");
const con = await instance.connect();
await con.run(readFileSync(process.argv[2], "utf8"));
con.closeSync();
instance.closeSync();
