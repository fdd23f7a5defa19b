// Preloaded (`node --import`) into a benchmarked process: at its exit, writes its peak resident set
// (in KB, worker threads included) to the file named by PARKSCORE_PEAK_RSS. On Linux that is VmHWM of
// /proc/self/status: getrusage's maxRSS keeps the parent's resident set from before exec, so a small
// command spawned by the benchmark would show the benchmark's own memory.
import { readFileSync, writeFileSync } from "node:fs";

const file = process.env.PARKSCORE_PEAK_RSS;
export function peakKB() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS;
}
if (file) process.on("exit", () => writeFileSync(file, String(peakKB())));
