import { describe, expect, it } from "vitest";
import { NUMBER_TEXT_MAX, numberTextFallbacks, writeNumber, writeNumberAt } from "../../../engine/kernels/number-text.js";
import { splitmix32, Xoshiro128 } from "../../../engine/random.js";

type Writer = (values: Float64Array, row: number, out: Uint8Array, pos: number) => number;

const BATCH = 1 << 16;
const out = new Uint8Array(BATCH * (NUMBER_TEXT_MAX + 1));

/**
 * The first value whose bytes differ from String(v), with both texts; null if all agree. A batch
 * is written comma-separated and compared with the joined String(v)s, then searched on a difference.
 */
function firstMismatch(values: Float64Array, write: Writer = writeNumberAt): { value: number; got: string; want: string } | null {
  for (let start = 0; start < values.length; start += BATCH) {
    const batch = values.subarray(start, Math.min(values.length, start + BATCH));
    let pos = 0;
    for (let i = 0; i < batch.length; i++) {
      pos = write(batch, i, out, pos);
      out[pos++] = 44;
    }
    const want = Array.from(batch, String).join(",") + ",";
    if (Buffer.from(out.buffer, 0, pos).equals(Buffer.from(want, "latin1"))) continue;
    const one = new Uint8Array(NUMBER_TEXT_MAX);
    for (let i = 0; i < batch.length; i++) {
      const got = Buffer.from(one.buffer, 0, write(batch, i, one, 0)).toString("latin1");
      if (got !== String(batch[i])) return { value: batch[i], got, want: String(batch[i]) };
    }
  }
  return null;
}

const random = (seed: number) => new Xoshiro128(splitmix32(seed));
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const HIGH = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

function fromBits(high: number, low: number): number {
  WORDS[HIGH] = high;
  WORDS[1 - HIGH] = low;
  return BITS[0];
}

/** n values from make(r), NaN left out. */
function values(n: number, seed: number, make: (r: Xoshiro128) => number): Float64Array {
  const r = random(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; ) {
    const v = make(r);
    if (v === v) xs[i++] = v;
  }
  return xs;
}

/** A uniform double in [0, 1) of 53 random bits, as Math.random's. */
const unit = (r: Xoshiro128) => ((r.u32() >>> 11) * 4294967296 + r.u32()) / 2 ** 53;

const nextUp = (v: number) => (v === 0 ? Number.MIN_VALUE : fromBits(...bitsOf(v, 1)));
const nextDown = (v: number) => fromBits(...bitsOf(v, -1));
function bitsOf(v: number, step: number): [number, number] {
  BITS[0] = v;
  let high = WORDS[HIGH];
  let low = WORDS[1 - HIGH] + (v > 0 ? step : -step);
  if (low < 0) [high, low] = [high - 1, 0xffffffff];
  if (low > 0xffffffff) [high, low] = [high + 1, 0];
  return [high, low];
}

const M = 2_000_000;

describe("writeNumber: the bytes of String(v)", () => {
  it("for the values that are laid out differently", () => {
    const special = [0, -0, 1, -1, 12.5, 0.1, 0.3, 123.45, 1e-7, 1.5e-8, 1e-6, 1e21, 1e20, 123e19, 1e23, 2 ** 53, 2 ** 60, 2 ** 63, 9007199254740993,
      Number.MAX_VALUE, Number.MIN_VALUE, 2.2250738585072014e-308, 4.450147717014403e-308, Infinity, -Infinity, 0.5, 0.25, 1 / 3, Math.PI, 1234.5678, 99.99999999999999];
    const xs = Float64Array.from(special.flatMap((v) => [v, -v, nextUp(Math.abs(v)), nextDown(Math.abs(v) || Number.MIN_VALUE)]).filter((v) => v === v));
    expect(firstMismatch(xs)).toBeNull();
    const texts = ["0", "0", "1", "-1", "12.5", "0.1", "0.3", "123.45", "1e-7", "1.5e-8", "0.000001", "1e+21", "100000000000000000000", "1.23e+21"];
    const one = new Uint8Array(NUMBER_TEXT_MAX);
    special.slice(0, texts.length).forEach((v, i) => expect(Buffer.from(one.buffer, 0, writeNumber(v, one, 0)).toString("latin1")).toBe(texts[i]));
  });

  it("for uniformly random bit patterns (every exponent, subnormals included)", () => {
    expect(firstMismatch(values(M, 1, (r) => fromBits(r.u32(), r.u32())))).toBeNull();
  });

  it("for uniform doubles in [0, 1), with and without the 53rd bit", () => {
    expect(firstMismatch(values(M / 2, 2, unit))).toBeNull();
    expect(firstMismatch(values(M / 2, 3, (r) => ((r.u32() >>> 12) * 4294967296 + r.u32()) / 2 ** 52))).toBeNull();
  });

  it("for uniform doubles times 10^k, k in −10..25, leaving under one in 10,000 to String(v)", () => {
    const before = numberTextFallbacks();
    expect(firstMismatch(values(M, 4, (r) => unit(r) * 10 ** ((r.u32() % 36) - 10)))).toBeNull();
    expect(numberTextFallbacks() - before).toBeLessThan(M / 10_000);
  });

  it("for integers, small, up to 2^53 and beyond", () => {
    expect(firstMismatch(values(M, 5, (r) => (r.u32() % 2 ? -1 : 1) * Math.floor(unit(r) * 2 ** (r.u32() % 70))))).toBeNull();
    expect(firstMismatch(Float64Array.from({ length: 4096 }, (_, i) => 2 ** 53 - 2048 + i))).toBeNull();
  });

  it("for decimals read from short texts", () => {
    // digits / 10^j is what reading "d.ddd" gives: both operands are exact, the quotient correctly rounded.
    const tens = Array.from({ length: 21 }, (_, k) => Number(`1e${k}`));
    const xs = values(M, 6, (r) => {
      const digits = r.u32() % 100000;
      const k = (r.u32() % 41) - 20;
      return r.u32() % 8 === 0 ? (k < 0 ? (digits % 100) / tens[-k] : (digits % 100) * tens[k]) : digits / tens[r.u32() % 8];
    });
    expect(firstMismatch(xs)).toBeNull();
    expect(firstMismatch(Float64Array.from(["12.5", "0.1", "0.2", "123.45", "1e-7", "3.14", "99.9", "0.05", "1e-10"].map(Number)))).toBeNull();
  });

  it("next to every power of ten and the layout boundaries, and for subnormals", () => {
    const near: number[] = [];
    for (let k = -323; k <= 308; k++) {
      let v = Number(`1e${k}`);
      for (let j = 0; j < 3; j++) v = nextDown(v);
      for (let j = 0; j < 7; j++, v = nextUp(v)) near.push(v);
    }
    for (const b of [1e21, 1e-7, 1e-6]) for (let j = 0, v = nextDown(nextDown(b)); j < 5; j++, v = nextUp(v)) near.push(v, -v);
    expect(firstMismatch(Float64Array.from(near))).toBeNull();
    expect(firstMismatch(values(M / 4, 7, (r) => fromBits(r.u32() & 0x800fffff, r.u32())))).toBeNull();
  });

  it("catches a wrong digit", () => {
    const wrong: Writer = (xs, row, o, pos) => {
      const end = writeNumberAt(xs, row, o, pos);
      if (row === 1000) o[end - 1] = o[end - 1] === 49 ? 50 : 49;
      return end;
    };
    expect(firstMismatch(values(2000, 8, unit), wrong)).not.toBeNull();
  });
});

describe("writeNumber's fast path and its bounds", () => {
  it("leaves no integer to String(v)", () => {
    const before = numberTextFallbacks();
    expect(firstMismatch(values(100_000, 10, (r) => Math.floor(unit(r) * 2 ** 53)))).toBeNull();
    expect(numberTextFallbacks()).toBe(before);
  });

  it("touches no byte beyond NUMBER_TEXT_MAX from its position and none before it", () => {
    const buffer = new Uint8Array(3 * NUMBER_TEXT_MAX);
    for (const v of [-1.2345678901234567e-308, -0.0000012345678901234567, -1.2345678901234567e21, -123456789012345680000, -5e-324]) {
      buffer.fill(7);
      const end = writeNumber(v, buffer, NUMBER_TEXT_MAX);
      expect(Buffer.from(buffer.buffer, NUMBER_TEXT_MAX, end - NUMBER_TEXT_MAX).toString("latin1")).toBe(String(v));
      expect(buffer.subarray(0, NUMBER_TEXT_MAX).every((b) => b === 7)).toBe(true);
      expect(buffer.subarray(2 * NUMBER_TEXT_MAX).every((b) => b === 7)).toBe(true);
    }
  });
});
