/** The demo dataset shipped with parkscore (datasets/demo/), as `parkscore demo` scores it. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./provenance.js";

/** The scheme, the folder of the latest period's department files and that period. */
export function demoPeriod(): { scheme: string; input: string; period: string } {
  const demo = join(packageRoot(), "datasets", "demo");
  const period = readdirSync(demo)
    .filter((f) => /^\d{4}$/.test(f))
    .sort()
    .at(-1)!;
  return { scheme: join(demo, "scheme.yaml"), input: join(demo, period), period };
}
