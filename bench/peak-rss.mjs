// Preloaded (`node --import`) into a benchmarked process: at its exit, writes its peak resident set
// (getrusage maxRSS, in KB, worker threads included) to the file named by PARKSCORE_PEAK_RSS.
import { writeFileSync } from "node:fs";

const file = process.env.PARKSCORE_PEAK_RSS;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
