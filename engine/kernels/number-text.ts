/**
 * A number's text as JavaScript's String(v) gives it, written as ASCII bytes into a buffer
 * (the CSV writer's cells): whole numbers digit by digit, anything else through String(v).
 */
export function writeNumber(v: number, out: Uint8Array, pos: number): number {
  if (v === (v | 0) && (v !== 0 || 1 / v > 0)) return writeInt(v, out, pos);
  const s = v === 0 ? "0" : String(v);
  for (let k = 0; k < s.length; k++) out[pos + k] = s.charCodeAt(k);
  return pos + s.length;
}

/** A 32-bit integer's decimal digits. */
function writeInt(v: number, out: Uint8Array, pos: number): number {
  if (v < 0) {
    out[pos++] = 0x2d;
    v = -v;
  }
  let end = pos;
  for (let x = v; x >= 10; x = (x / 10) | 0) end++;
  const next = end + 1;
  do {
    const q = (v / 10) | 0;
    out[end--] = 0x30 + (v - q * 10);
    v = q;
  } while (v > 0);
  return next;
}
