/**
 * The text of a number as bytes: `writeNumber(v, out, pos)` writes exactly the ASCII of JavaScript's
 * `String(v)` and makes no string, two to four times faster than `String(v)`.
 *
 * `String(v)` is the shortest decimal that reads back as v (ECMAScript Number::toString): the fewest
 * digits whose value lies in v's rounding interval (half an ulp either side, ends included when v's
 * significand is even), the closest to v among those, the even one on a tie; then laid out as an
 * integer below 1e21, "0.000…" above 1e-7, exponent form otherwise.
 *
 * Integers below 2^53 and decimals of at most four places are written directly. Otherwise (a
 * normal v = f·2^e, f in [2^52, 2^53)): W = v·10^q, with q chosen so that W is in [1e16, 1e17), is
 * computed as a double-double — f times a 107-bit 10^q (Dekker's exact product; the table built
 * with BigInt) — and split at the eighth digit, W ≈ a·1e8 + b: a the first nine digits exactly, b
 * the rest as a double. Half the interval is H = 2^(e−1)·10^q < 11.1 in these units (a quarter-ulp
 * below a power of two), so the only multiples of 100 it can hold are the two nearest b; then
 * those of 10, then the integers (`shortestLow`).
 *
 * Why the fallback is sound: |b − exact| < 2e-8 (the double-double is within 1e-14 of W; the split
 * adds two roundings of a number below 2^27, 2^-27 each) and H is within 1e-14. Each decision
 * compares a distance with zero (an interval's end) or with half a unit (a tie); when it lies
 * within UNSURE = 1e-7 of it, it is settled exactly if the decimals are exact enough that such a
 * distance can only be zero (W a multiple of 2^-22 for q ≥ 0, of 5^q for −7 ≤ q < 0), and
 * otherwise left to `String(v)`: under one value in a million of random doubles of any magnitude.
 * Subnormals and the smallest normals (below 2^-1021), whose interval is wider, also go to
 * `String(v)`.
 */

/** The margin under which a decision is left to String(v): far above the error bound of 2e-8. */
const UNSURE = 1e-7;

/** Bytes a value may touch from pos: the longest text is 24 ("-1.2345678901234567e-308"), but
 * the seventeen digits are written before the point is placed. */
export const NUMBER_TEXT_MAX = 25;

const Q_MIN = -300;
const Q_MAX = 330;
const E_MIN = -1021;
const E_MAX = 1023;
const SCALE_MIN = -16;

/** 10^q = (PH + PL)·2^T, PH in [1, 2) with its Veltkamp halves P1 + P2 (26 bits each) for Dekker's product. */
const PH = new Float64Array(Q_MAX - Q_MIN + 1);
const PL = new Float64Array(Q_MAX - Q_MIN + 1);
const P1 = new Float64Array(Q_MAX - Q_MIN + 1);
const P2 = new Float64Array(Q_MAX - Q_MIN + 1);
const T = new Int32Array(Q_MAX - Q_MIN + 1);
/** 2^s for s in [SCALE_MIN, −SCALE_MIN]. */
const POW2 = new Float64Array(1 - 2 * SCALE_MIN);
/** For v in [2^E, 2^(E+1)): floor(log10(2^E)), and the double nearest the next power of ten. */
const DECADE = new Int32Array(E_MAX - E_MIN + 1);
const NEXT_DECADE = new Float64Array(E_MAX - E_MIN + 1);

const SPLITTER = 134217729; // 2^27 + 1
const FRACTION_BITS = 115n;

function buildTables(): void {
  for (let q = Q_MIN; q <= Q_MAX; q++) {
    const ten = 10n ** BigInt(Math.abs(q));
    // t = floor(log2(10^q)); A = round(10^q · 2^(115 − t)), in [2^115, 2^116], as num / den.
    const t = q >= 0 ? ten.toString(2).length - 1 : -ten.toString(2).length;
    const shift = FRACTION_BITS - BigInt(t);
    const num = q < 0 ? 1n << shift : shift >= 0n ? ten << shift : ten;
    const den = q < 0 ? ten : shift >= 0n ? 1n : 1n << -shift;
    const a = (2n * num + den) / (2n * den);
    const hi = (a + (1n << 62n)) >> 63n;
    const i = q - Q_MIN;
    PH[i] = Number(hi) / 2 ** 52;
    PL[i] = Number(a - (hi << 63n)) / 2 ** 115;
    const c = SPLITTER * PH[i];
    P1[i] = c - (c - PH[i]);
    P2[i] = PH[i] - P1[i];
    T[i] = t;
  }
  for (let s = SCALE_MIN; s <= -SCALE_MIN; s++) POW2[s - SCALE_MIN] = 2 ** s;
  for (let e = E_MIN; e <= E_MAX; e++) {
    let d = Math.floor(e * Math.log10(2));
    // The product above is no exact floor near a power of ten; settle it with BigInt.
    while (powerOfTwoAtLeast(e, d + 1)) d++;
    while (!powerOfTwoAtLeast(e, d)) d--;
    DECADE[e - E_MIN] = d;
    NEXT_DECADE[e - E_MIN] = Number(`1e${d + 1}`);
  }
}

/** Whether 2^e ≥ 10^d, exactly. */
function powerOfTwoAtLeast(e: number, d: number): boolean {
  const two = e >= 0 ? 1n << BigInt(e) : 1n;
  const twoDen = e >= 0 ? 1n : 1n << BigInt(-e);
  const ten = d >= 0 ? 10n ** BigInt(d) : 1n;
  const tenDen = d >= 0 ? 1n : 10n ** BigInt(-d);
  return two * tenDen >= ten * twoDen;
}

buildTables();

/** Two ASCII digits of every number below 100. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + Math.floor(i / 10);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}
/** The four ASCII digits of every number below 10,000 as one little-endian word. */
const QUADS = new Uint32Array(10000);
for (let i = 0; i < 10000; i++) {
  const d = [Math.floor(i / 1000), Math.floor(i / 100) % 10, Math.floor(i / 10) % 10, i % 10];
  QUADS[i] = (48 + d[0]) | ((48 + d[1]) << 8) | ((48 + d[2]) << 16) | ((48 + d[3]) << 24);
}
const INFINITY = new Uint8Array([73, 110, 102, 105, 110, 105, 116, 121]);

/** A view of the last output buffer, for writing four digits at once. */
let lastOut: Uint8Array = new Uint8Array(0);
let view: DataView = new DataView(lastOut.buffer);

/** The words of a double's bits; which one holds the sign and exponent depends on the byte order. */
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const HIGH = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

/** How many values went to String(v) since the module was loaded (see the file's comment). */
const FALLBACKS = new Float64Array(1);
export function numberTextFallbacks(): number {
  return FALLBACKS[0];
}

const ONE = new Float64Array(1);

/**
 * Writes the ASCII of String(v) at out[pos] and returns the position after it. v is not NaN;
 * out has NUMBER_TEXT_MAX bytes free at pos.
 */
export function writeNumber(v: number, out: Uint8Array, pos: number): number {
  ONE[0] = v;
  return writeNumberAt(ONE, 0, out, pos);
}

/**
 * writeNumber(values[row], out, pos) for a loop over a column: the double is read here, so it is
 * never boxed to be passed.
 */
export function writeNumberAt(values: Float64Array, row: number, out: Uint8Array, pos: number): number {
  if (out !== lastOut) {
    lastOut = out;
    view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  }
  let v = values[row];
  if (v < 0) {
    out[pos++] = 45;
    v = -v;
  }
  if (v < 9007199254740992 && v === Math.floor(v)) return writeInteger(v, out, pos);
  // A decimal of at most four places, as read from a text: v is the double nearest N/1e4, and as
  // N has at most 15 digits no other decimal as short reads as v (DBL_DIG), so N/1e4 is String(v).
  const scaled = v * 1e4;
  if (scaled < 1e15 && scaled === Math.round(scaled) && scaled / 1e4 === v) {
    const whole = Math.floor(scaled / 1e4);
    const places = (scaled - whole * 1e4) | 0;
    pos = writeInteger(whole, out, pos);
    out[pos] = 46;
    view.setUint32(pos + 1, QUADS[places], true);
    return pos + (places % 10 ? 5 : places % 100 ? 4 : places % 1000 ? 3 : 2);
  }
  if (v === Infinity) {
    out.set(INFINITY, pos);
    return pos + 8;
  }
  BITS[0] = v;
  const word = WORDS[HIGH];
  const exponent = (word >>> 20) - 1023;
  if (exponent >= E_MIN) {
    const f = (word & 0xfffff) * 4294967296 + WORDS[1 - HIGH] + 4503599627370496;
    const decade = v >= NEXT_DECADE[exponent - E_MIN] ? DECADE[exponent - E_MIN] + 1 : DECADE[exponent - E_MIN];
    // Dekker's halves of f, for f·PH exactly.
    const fc = SPLITTER * f;
    const f1 = fc - (fc - f);
    const f2 = f - f1;
    for (let q = 16 - decade, tries = 0; tries < 3; tries++) {
      const i = q - Q_MIN;
      const s = exponent - 52 + T[i];
      if (s < SCALE_MIN || s > -SCALE_MIN) break;
      const scale = POW2[s - SCALE_MIN];
      const ph = PH[i];
      const p = f * ph;
      const err = f1 * P1[i] - p + f1 * P2[i] + f2 * P1[i] + f2 * P2[i];
      const wh = p * scale;
      // W = wh + (err + f·PL)·scale = a·1e8 + b, a exactly (wh − a·1e8 is exact), b within 2e-8.
      let a = Math.floor(wh * 1e-8);
      let b = wh - a * 1e8 + (err + f * PL[i]) * scale;
      // b to [0, 1e8) without a branch (short decimals land either side of 0); b may end a hair
      // below 0 (the largest double below 1e8 times 1e-8 rounds to 1), which the decision allows.
      const carry = Math.floor(b * 1e-8);
      a += carry;
      b -= carry * 1e8;
      if (a < 1e8 || a >= 1e9) {
        q += a < 1e8 ? 1 : -1;
        continue;
      }
      const up = ph * scale * 0.5;
      const down = f === 4503599627370496 ? up * 0.5 : up;
      // Distances are multiples of 2^(e+q−2) (q ≥ 0) or of 5^q (q < 0): a tiny one is zero (file comment).
      const exact = q >= 0 ? exponent - 52 + q >= -20 : q >= -7 && exponent - 52 + q >= 2;
      const even = (WORDS[1 - HIGH] & 1) === 0;
      const low = shortestLow(b, down, up, exact, even);
      if (low === -1) break;
      return layout(a, low, 17 - q, out, pos);
    }
  }
  FALLBACKS[0]++;
  const text = String(v);
  for (let i = 0; i < text.length; i++) out[pos++] = text.charCodeAt(i);
  return pos;
}

/**
 * The last eight digits of the shortest decimal in [a·1e8 + b − down, a·1e8 + b + up] (1e8 when it
 * carries into a), or −1 when a decision is too close to call. For unit 100, 10, 1 in turn, the
 * candidates are the multiples of the unit nearest b on either side; the first unit with one in the
 * interval gives the answer, the nearer one if both are, the even one on a tie. As the interval is
 * narrower than 23, the only multiples of 100 it can hold are those.
 */
function shortestLow(b: number, down: number, up: number, exact: boolean, even: boolean): number {
  for (let unit = 100, inverse = 0.01; unit >= 1; unit = unit === 100 ? 10 : unit === 10 ? 1 : 0, inverse *= 10) {
    const m = Math.round(b * inverse);
    const near = m * unit - b;
    const inNear = fits(near, down, up, exact, even);
    if (inNear < 0) return -1;
    const tie = Math.abs(Math.abs(near) - unit * 0.5) < UNSURE;
    // Unless on a tie, the farther candidate matters only if the nearer misses a lopsided interval.
    if (!tie && (inNear === 1 || down === up)) {
      if (inNear === 1) return m * unit;
      continue;
    }
    const other = near > 0 ? m - 1 : m + 1;
    const inOther = fits(other * unit - b, down, up, exact, even);
    if (inOther < 0) return -1;
    if (tie) {
      if (!exact) return -1;
      // A tie: both are candidates if both fit.
      if (inNear && inOther) return ((m & 1) === 0 ? m : other) * unit;
    }
    if (inNear) return m * unit;
    if (inOther) return other * unit;
  }
  return -1;
}

/**
 * Whether a candidate at distance d from b (positive above) lies in the interval: 1 or 0, or −1 when
 * too close to call. When the decimals involved are exact enough that a distance this small can only
 * be zero, the candidate is the interval's end, in it if v's significand is even.
 */
function fits(d: number, down: number, up: number, exact: boolean, even: boolean): number {
  const slack = Math.min(up - d, down + d);
  if (Math.abs(slack) >= UNSURE) return slack > 0 ? 1 : 0;
  return exact ? (even ? 1 : 0) : -1;
}

/**
 * Lays out the decimal a·1e8 + low (a of nine digits, low at most 1e8) with the point after its
 * n-th digit as Number::toString does.
 */
function layout(a: number, low: number, n: number, out: Uint8Array, pos: number): number {
  if (low === 1e8) {
    low = 0;
    a += 1;
    if (a === 1e9) {
      a = 1e8;
      n++;
    }
  }
  // The significant digits: a then low, with the trailing zeros of the last nonzero one dropped;
  // only a multiple of 100 (the shortest were found at that unit) has more than one.
  let x = low === 0 ? a : low;
  let zeros = 0;
  const by2 = (x * 0.01) | 0;
  if (by2 * 100 === x) {
    const by8 = (x * 1e-8) | 0;
    if (by8 * 1e8 === x) (x = by8), (zeros += 8);
    const by4 = (x * 1e-4) | 0;
    if (by4 * 1e4 === x) (x = by4), (zeros += 4);
    const by100 = (x * 0.01) | 0;
    if (by100 * 100 === x) (x = by100), (zeros += 2);
  }
  const by1 = (x * 0.1) | 0;
  if (by1 * 10 === x) zeros += 1;
  const k = low === 0 ? 9 - zeros : 17 - zeros;
  if (n > -6 && n <= 0) {
    out[pos++] = 48;
    out[pos++] = 46;
    for (let z = n; z < 0; z++) out[pos++] = 48;
    writeSeventeen(a, low, out, pos);
    return pos + k;
  }
  // Written one place to the right, then the digits before the point moved left.
  writeSeventeen(a, low, out, pos + 1);
  if (n >= k && n <= 21) {
    for (let j = 0; j < n; j++) out[pos + j] = j < 17 ? out[pos + j + 1] : 48;
    return pos + n;
  }
  const before = n > 0 && n <= 21 ? n : 1;
  for (let j = 0; j < before; j++) out[pos + j] = out[pos + j + 1];
  out[pos + before] = 46;
  if (before === n) return pos + k + 1;
  pos = k > 1 ? pos + k + 1 : pos + 1;
  out[pos++] = 101;
  out[pos++] = n > 0 ? 43 : 45;
  return writeUint(Math.abs(n - 1), out, pos);
}

/** Writes the seventeen digits of a·1e8 + low at out[p] (trailing zeros included). */
function writeSeventeen(a: number, low: number, out: Uint8Array, p: number): void {
  const first = (a * 1e-8) | 0;
  out[p] = 48 + first;
  writeEight(a - first * 1e8, p + 1);
  writeEight(low, p + 9);
}

/** Writes the eight digits of x (an integer below 1e8, zero-padded) at lastOut[p]. */
function writeEight(x: number, p: number): void {
  const high = (x * 1e-4) | 0;
  view.setUint32(p, QUADS[high], true);
  view.setUint32(p + 4, QUADS[x - high * 1e4], true);
}

// The quotients here and in layout are (x * 10^-j) | 0: each constant is a little above 10^-j, so the
// truncated product is the exact quotient for every x below 2^31 (checked exhaustively below 1e8).

/** Writes the integer x (below 2^53) in decimal; returns the end. */
function writeInteger(x: number, out: Uint8Array, pos: number): number {
  if (x < 1e8) return writeUint(x, out, pos);
  const high = Math.floor(x / 1e8);
  pos = writeUint(high, out, pos);
  writeEight(x - high * 1e8, pos);
  return pos + 8;
}

/** Writes the integer x (below 1e9) in decimal; returns the end. */
function writeUint(x: number, out: Uint8Array, pos: number): number {
  const width = x < 1e4 ? (x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : 4) : x < 1e5 ? 5 : x < 1e6 ? 6 : x < 1e7 ? 7 : x < 1e8 ? 8 : 9;
  const end = pos + width;
  let i = end;
  let r = x | 0;
  for (; i - pos >= 2; i -= 2) {
    const next = (r * 0.01) | 0;
    const pair = 2 * (r - next * 100);
    out[i - 2] = PAIRS[pair];
    out[i - 1] = PAIRS[pair + 1];
    r = next;
  }
  if (i > pos) out[pos] = 48 + r;
  return end;
}
