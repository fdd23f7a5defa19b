/** sha256 in hex: the fingerprint recorded for schemes, inputs and outputs. */
import { createHash } from "node:crypto";

export function sha256(parts: Uint8Array | string | readonly (Uint8Array | string)[]): string {
  const h = createHash("sha256");
  for (const p of Array.isArray(parts) ? parts : [parts]) h.update(p as Uint8Array | string);
  return h.digest("hex");
}
