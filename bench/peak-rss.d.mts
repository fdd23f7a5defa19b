/** This process's peak resident set in KB, worker threads included (VmHWM on Linux). */
export function peakKB(): number;
