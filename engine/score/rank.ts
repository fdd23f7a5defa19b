/**
 * Ranks, 1 = best, equal scores sharing the lowest number ("competition ranking": 1, 2, 2, 4).
 *
 * The order is a stable sort of the scores (ties keep the order given) by distribution: each score goes
 * to one of m/4 buckets by linear interpolation between the range's minimum and maximum, which is
 * monotone in the score (IEEE subtraction, multiplication and truncation each preserve order), and
 * each bucket is sorted the same way, or by insertion when small. At a million scores that is one
 * pass to count and one to move, against seven or eight byte passes of a radix sort; a comparator
 * sort or a binary search per row would be dominated by cache misses. Scores that crowd into one
 * bucket (spread over many orders of magnitude, or mostly tied), ranges still unsorted after a few
 * levels, and ranges that are not finite are sorted by an LSD radix sort of their IEEE-754 bit patterns instead, mapped so that
 * unsigned order is numeric order (Herf, "Radix tricks", 2001): negative numbers have all bits
 * flipped, others only the sign bit. Both sorts are stable, so the order is the same either way.
 */
import { forBlocks } from "../kernels/blocks.js";
import { gatherKeys } from "../kernels/gather.js";

/** Row indices of `rows` ordered by ascending score. Scores must not be NaN. */
export function ascendingOrder(score: Float64Array, rows: Int32Array): Int32Array {
  return sortRows(score, rows).idx;
}

/** Below this many values a range is sorted by insertion. */
const SMALL = 24;
/** Bucket levels before a range is left to the radix sort (each level divides a range at least in two). */
const LEVELS = 4;

/** The rows in ascending order of score (ties in the order given), with their scores in that order (−0 as +0). */
function sortRows(score: Float64Array, rows: Int32Array): { idx: Int32Array; val: Float64Array } {
  const m = rows.length;
  const idx = Int32Array.from(rows);
  const val = new Float64Array(m);
  forBlocks(m, (b, e) => gatherKeys(score, rows, val, b, e));
  sortRange(idx, val, new Int32Array(m), new Float64Array(m), 0, m, 0);
  return { idx, val };
}

/** Sorts positions [s, e) of (idx, val) by val, stably; tmpIdx/tmpVal are scratch of the same length. */
function sortRange(idx: Int32Array, val: Float64Array, tmpIdx: Int32Array, tmpVal: Float64Array, s: number, e: number, level: number): void {
  const size = e - s;
  if (size <= SMALL) return insertionSort(idx, val, s, e);
  const ext = Float64Array.of(Infinity, -Infinity);
  forBlocks(size, (b, f) => extent(val, ext, s + b, s + f));
  const lo = ext[0], hi = ext[1];
  if (!(hi > lo)) return; // all equal
  const buckets = Math.ceil(size / 4);
  const scale = buckets / (hi - lo);
  if (level === LEVELS || !(scale > 0 && scale < Infinity)) return radixRange(idx, val, tmpIdx, tmpVal, s, e);
  const next = new Int32Array(buckets + 1);
  forBlocks(size, (b, f) => countBuckets(val, lo, scale, buckets, next, s + b, s + f));
  const largest = bucketStarts(next, buckets);
  if (largest > size / 2) return radixRange(idx, val, tmpIdx, tmpVal, s, e); // crowded: levels would peel off little each
  forBlocks(size, (b, f) => moveToBuckets(idx, val, tmpIdx, tmpVal, lo, scale, buckets, next, s, s + b, s + f));
  idx.set(tmpIdx.subarray(s, e), s);
  val.set(tmpVal.subarray(s, e), s);
  // next[k] is now where bucket k ends. Small buckets are sorted in place, in one loop; large ones by another level.
  const large: number[] = [];
  forBlocks(buckets, (b, f) => sortSmallBuckets(idx, val, next, s, large, b, f));
  for (const k of large) sortRange(idx, val, tmpIdx, tmpVal, s + (k === 0 ? 0 : next[k - 1]), s + next[k], level + 1);
}

/** Positions [s, e) by the radix sort (stable), through the scratch arrays. */
function radixRange(idx: Int32Array, val: Float64Array, tmpIdx: Int32Array, tmpVal: Float64Array, s: number, e: number): void {
  const size = e - s;
  const positions = new Int32Array(size);
  forBlocks(size, (b, f) => fillPositions(positions, b, f));
  const order = radixSort(val.subarray(s, e), positions);
  forBlocks(size, (b, f) => permute(idx, val, tmpIdx, tmpVal, order, s, b, f));
  idx.set(tmpIdx.subarray(s, e), s);
  val.set(tmpVal.subarray(s, e), s);
}

// The loops, each alone in a leaf function called per block of rows (engine/kernels/README.md).

function extent(val: Float64Array, ext: Float64Array, b: number, e: number): void {
  let lo = ext[0], hi = ext[1];
  for (let k = b; k < e; k++) {
    const v = val[k]; // never NaN
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  ext[0] = lo;
  ext[1] = hi;
}

/** Each value's bucket, min(buckets − 1, ⌊(v − lo)·scale⌋), counted in `counts`. */
function countBuckets(val: Float64Array, lo: number, scale: number, buckets: number, counts: Int32Array, b: number, e: number): void {
  for (let k = b; k < e; k++) counts[Math.min(buckets - 1, ((val[k] - lo) * scale) | 0)]++;
}

/**
 * Turns bucket counts into each bucket's start (an exclusive prefix sum); returns the largest count.
 * A leaf of its own: inside sortRange, this loop was compiled alone and left at its end, every
 * later call of sortRange then going back through the interpreter.
 */
function bucketStarts(next: Int32Array, buckets: number): number {
  let largest = 0;
  for (let k = 0, start = 0; k < buckets; k++) {
    const c = next[k];
    largest = Math.max(largest, c);
    next[k] = start;
    start += c;
  }
  return largest;
}

/** Positions [b, e) moved to their bucket's next free place (relative to s) in the scratch arrays. */
function moveToBuckets(idx: Int32Array, val: Float64Array, tmpIdx: Int32Array, tmpVal: Float64Array, lo: number, scale: number, buckets: number, next: Int32Array, s: number, b: number, e: number): void {
  for (let k = b; k < e; k++) {
    const v = val[k];
    const p = s + next[Math.min(buckets - 1, ((v - lo) * scale) | 0)]++;
    tmpIdx[p] = idx[k];
    tmpVal[p] = v;
  }
}

function fillPositions(out: Int32Array, b: number, e: number): void {
  for (let k = b; k < e; k++) out[k] = k;
}

/** Positions s + [b, e) of the scratch arrays from positions s + order[k]. */
function permute(idx: Int32Array, val: Float64Array, tmpIdx: Int32Array, tmpVal: Float64Array, order: Int32Array, s: number, b: number, e: number): void {
  for (let k = b; k < e; k++) {
    tmpIdx[s + k] = idx[s + order[k]];
    tmpVal[s + k] = val[s + order[k]];
  }
}

/** Buckets [b, f) of a range starting at s: those of at most SMALL values sorted by insertion, the others listed in `large`. */
function sortSmallBuckets(idx: Int32Array, val: Float64Array, next: Int32Array, s: number, large: number[], b: number, f: number): void {
  for (let k = b; k < f; k++) {
    const start = s + (k === 0 ? 0 : next[k - 1]), end = s + next[k];
    if (end - start > SMALL) large.push(k);
    else if (end - start > 1) insertionSort(idx, val, start, end);
  }
}

function insertionSort(idx: Int32Array, val: Float64Array, s: number, e: number): void {
  for (let k = s + 1; k < e; k++) {
    const v = val[k], i = idx[k];
    let p = k - 1;
    while (p >= s && val[p] > v) {
      val[p + 1] = val[p];
      idx[p + 1] = idx[p];
      p--;
    }
    val[p + 1] = v;
    idx[p + 1] = i;
  }
}

/** The radix sort: the row indices in ascending order of score (−0 counts as 0). */
function radixSort(score: Float64Array, rows: Int32Array): Int32Array {
  const m = rows.length;
  let idx = Int32Array.from(rows);
  let hi = new Uint32Array(m);
  let lo = new Uint32Array(m);
  const bits = new Uint32Array(2);
  forBlocks(m, (b, e) => sortKeys(score, rows, bits, hi, lo, b, e));
  // All eight histograms in one pass.
  const counts = new Int32Array(8 * 256);
  forBlocks(m, (b, e) => countBytes(hi, lo, counts, b, e));
  if (m < 2) return idx;
  let idx2 = new Int32Array(m);
  let hi2 = new Uint32Array(m);
  let lo2 = new Uint32Array(m);
  const offsets = new Int32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    if (counts[base + ((pass < 4 ? lo[0] >>> (pass * 8) : hi[0] >>> ((pass - 4) * 8)) & 255)] === m) continue; // one value for this byte
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      offsets[b] = sum;
      sum += counts[base + b];
    }
    const word = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    const [i1, h1, l1, i2, h2, l2] = [idx, hi, lo, idx2, hi2, lo2];
    forBlocks(m, (b, e) => scatter(word, shift, offsets, i1, h1, l1, i2, h2, l2, b, e));
    [idx, idx2] = [idx2, idx];
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  return idx;
}

/** Rows [b, e): each score's bits as an unsigned 64-bit key (hi, lo) in numeric order. */
function sortKeys(score: Float64Array, rows: Int32Array, bits: Uint32Array, hi: Uint32Array, lo: Uint32Array, b: number, e: number): void {
  const view = new Float64Array(bits.buffer);
  for (let k = b; k < e; k++) {
    view[0] = score[rows[k]] + 0; // −0 + 0 is +0
    const h = bits[1];
    if (h & 0x80000000) {
      hi[k] = ~h >>> 0;
      lo[k] = ~bits[0] >>> 0;
    } else {
      hi[k] = (h | 0x80000000) >>> 0;
      lo[k] = bits[0];
    }
  }
}

function countBytes(hi: Uint32Array, lo: Uint32Array, counts: Int32Array, b: number, e: number): void {
  for (let k = b; k < e; k++) {
    const l = lo[k], h = hi[k];
    counts[l & 255]++;
    counts[256 + ((l >>> 8) & 255)]++;
    counts[512 + ((l >>> 16) & 255)]++;
    counts[768 + (l >>> 24)]++;
    counts[1024 + (h & 255)]++;
    counts[1280 + ((h >>> 8) & 255)]++;
    counts[1536 + ((h >>> 16) & 255)]++;
    counts[1792 + (h >>> 24)]++;
  }
}

/** Rows [b, e) of one stable pass: each entry to its byte's next free place. */
function scatter(word: Uint32Array, shift: number, offsets: Int32Array, idx: Int32Array, hi: Uint32Array, lo: Uint32Array, idx2: Int32Array, hi2: Uint32Array, lo2: Uint32Array, b: number, e: number): void {
  for (let k = b; k < e; k++) {
    const p = offsets[(word[k] >>> shift) & 255]++;
    idx2[p] = idx[k];
    hi2[p] = hi[k];
    lo2[p] = lo[k];
  }
}

/** Writes into `out[rows[k]]` the rank of `score[rows[k]]` among the rows, plus `offset`. */
export function competitionRanks(score: Float64Array, rows: Int32Array, out: Int32Array, offset = 0): void {
  const { idx, val } = sortRows(score, rows);
  let rank = 0;
  forBlocks(idx.length, (b, e) => (rank = assignRanks(idx, val, out, offset, rank, b, e)));
}

/**
 * Positions [b, e) from the best down (position p is sorted entry m − 1 − p): ties are adjacent
 * (sequential reads, no lookups). Returns the rank of position e − 1.
 */
function assignRanks(idx: Int32Array, val: Float64Array, out: Int32Array, offset: number, rank: number, b: number, e: number): number {
  const m = idx.length;
  for (let p = b, k = m - 1 - b; p < e; p++, k--) {
    if (p === 0 || val[k] !== val[k + 1]) rank = p + 1;
    out[idx[k]] = offset + rank;
  }
  return rank;
}

/** The rows where pop = 1, in order. */
export function populationRows(pop: Uint8Array): Int32Array {
  const out = new Int32Array(pop.length);
  let k = 0;
  for (let i = 0; i < pop.length; i++) if (pop[i] === 1) out[k++] = i;
  return out.subarray(0, k);
}

/** Mid-ranks 1…n along `order` (rows by ascending value): equal values share their average rank. */
export function midRanks(x: Float64Array, order: Int32Array, out: Float64Array): void {
  const size = order.length;
  let s = 0;
  while (s < size) {
    const v = x[order[s]];
    let e = s + 1;
    while (e < size && x[order[e]] === v) e++; // −0 === 0, as in the sort's keys
    const r = (s + 1 + e) / 2; // average of ranks s+1 … e
    for (let k = s; k < e; k++) out[order[k]] = r;
    s = e;
  }
}
