/**
 * writeNumber against String(v): ns per value for the kinds of numbers a CSV holds, and, with
 * `--check N`, N values of those kinds compared byte for byte with String(v).
 *
 *   npx tsx bench/number-text.ts [--check 100000000]
 *
 * Each kind runs rounds of 65,536 fresh values, the writer and String(v) alternating, and reports
 * the fastest round of each (the machine is shared; the fastest round is the least disturbed one).
 */
import { numberTextFallbacks, writeNumberAt } from "../engine/kernels/number-text.js";
import { splitmix32, Xoshiro128 } from "../engine/random.js";

const ROUND = 65536;
const ROUNDS = 25;
const r = new Xoshiro128(splitmix32(2024));
const unit = () => ((r.u32() >>> 11) * 4294967296 + r.u32()) / 2 ** 53;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

const kinds: Record<string, () => number> = {
  "uniform in [0, 1)": unit,
  "1234.5678…, 16–17 digits": () => unit() * 1e4,
  "integers below 1e6": () => Math.floor(unit() * 1e6),
  "short decimals (12.5, 123.45)": () => Math.round(unit() * 1e5) / 100,
  "uniform × 10^k, k in −10..25": () => unit() * 10 ** ((r.u32() % 36) - 10),
  "random bit patterns": () => {
    for (;;) {
      words[0] = r.u32();
      words[1] = r.u32();
      if (bits[0] === bits[0]) return bits[0];
    }
  },
};

const out = new Uint8Array(ROUND * 26);
function fill(make: () => number): Float64Array {
  const xs = new Float64Array(ROUND);
  for (let i = 0; i < ROUND; i++) xs[i] = make();
  return xs;
}
function writeAll(xs: Float64Array): number {
  let pos = 0;
  for (let i = 0; i < xs.length; i++) pos = writeNumberAt(xs, i, out, pos);
  return pos;
}
function stringAll(xs: Float64Array): number {
  let length = 0;
  for (let i = 0; i < xs.length; i++) length += String(xs[i]).length;
  return length;
}

const check = process.argv.indexOf("--check");
if (check > 0) {
  const n = Number(process.argv[check + 1]);
  const makers = Object.values(kinds);
  const before = numberTextFallbacks();
  let wrong = 0;
  for (let done = 0; done < n; done += ROUND) {
    const xs = fill(makers[(done / ROUND) % makers.length]);
    const text = Buffer.from(out.buffer, 0, writeAll(xs)).toString("latin1");
    if (text === Array.from(xs, String).join("")) continue;
    const one = new Uint8Array(26);
    for (let i = 0; i < xs.length; i++) {
      const got = Buffer.from(one.buffer, 0, writeNumberAt(xs, i, one, 0)).toString("latin1");
      if (got !== String(xs[i]) && wrong++ < 10) console.log(`wrong: ${String(xs[i])} written as ${got}`);
    }
  }
  console.log(`${n} values checked: ${wrong} wrong, ${numberTextFallbacks() - before} left to String(v)`);
}

console.log("kind | writeNumber ns/value | String(v) ns/value | ratio | to String(v) per million");
for (const [name, make] of Object.entries(kinds)) {
  let fast = Infinity;
  let slow = Infinity;
  const before = numberTextFallbacks();
  for (let round = 0; round < ROUNDS; round++) {
    const xs = fill(make);
    const ys = fill(make);
    let t = performance.now();
    writeAll(xs);
    fast = Math.min(fast, performance.now() - t);
    t = performance.now();
    stringAll(ys);
    slow = Math.min(slow, performance.now() - t);
  }
  const perMillion = ((numberTextFallbacks() - before) / (ROUND * ROUNDS)) * 1e6;
  const ns = (ms: number) => ((ms * 1e6) / ROUND).toFixed(1);
  console.log(`${name} | ${ns(fast)} | ${ns(slow)} | ${(slow / fast).toFixed(1)} | ${perMillion.toFixed(1)}`);
}
