/** Every file under a folder with its bytes' hash, and every folder: equal snapshots mean a byte-identical tree. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../../../engine/hash.js";

export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e), r = rel ? `${rel}/${e}` : e;
      if (statSync(p).isDirectory()) {
        out[`${r}/`] = "folder";
        walk(p, r);
      } else out[r] = sha256(readFileSync(p));
    }
  };
  walk(dir, "");
  return out;
}
