/** The demo dataset shipped with parkscore (datasets/demo/), as `parkscore demo` scores it. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./provenance.js";

/** The scheme, the latest period's source file and that period. */
export function demoPeriod(): { scheme: string; input: string; period: string } {
  const demo = join(packageRoot(), "datasets", "demo");
  const source = join(demo, "source");
  const latest = readdirSync(source)
    .filter((f) => /^\d{4}\.(csv|xlsx)$/.test(f))
    .sort()
    .at(-1)!;
  return { scheme: join(demo, "scheme.yaml"), input: join(source, latest), period: latest.slice(0, 4) };
}
