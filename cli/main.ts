#!/usr/bin/env node
/** The `parkscore` program's entry: parse the command line and end as cli/run.ts says. */
import { program } from "./program.js";
import { run } from "./run.js";

await run(async () => (await program(process.argv[2], process.argv[3])).parseAsync(process.argv));
