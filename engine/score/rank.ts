/**
 * Ranks, 1 = best, equal scores sharing the lowest number ("competition ranking": 1, 2, 2, 4).
 *
 * The order comes from an LSD radix sort of the scores' IEEE-754 bit patterns, carrying each row's
 * index: eight sequential byte passes (fewer when a byte is the same for every score) instead of a
 * comparator sort or a binary search per row, both of which are dominated by cache misses at a
 * million rows. Bits are mapped so that unsigned order is numeric order (Herf, "Radix tricks", 2001):
 * negative numbers have all bits flipped, others only the sign bit.
 */
import { forBlocks } from "../blocks.js";

/** Row indices of `rows` ordered by ascending score. Scores must not be NaN. */
export function ascendingOrder(score: Float64Array, rows: Int32Array): Int32Array {
  return radixSort(score, rows).idx;
}

/** The sorted row indices with their sort keys (equal keys ⇔ equal scores; −0 counts as 0). */
function radixSort(score: Float64Array, rows: Int32Array): { idx: Int32Array; hi: Uint32Array; lo: Uint32Array } {
  const m = rows.length;
  let idx = Int32Array.from(rows);
  let hi = new Uint32Array(m);
  let lo = new Uint32Array(m);
  const bits = new Uint32Array(2);
  forBlocks(m, (b, e) => sortKeys(score, rows, bits, hi, lo, b, e));
  // All eight histograms in one pass.
  const counts = new Int32Array(8 * 256);
  forBlocks(m, (b, e) => countBytes(hi, lo, counts, b, e));
  if (m < 2) return { idx, hi, lo };
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
  return { idx, hi, lo };
}

// The loops, each alone in a leaf function called per block of rows (see normalize/kernel.ts).

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
  const { idx, hi, lo } = radixSort(score, rows);
  let rank = 0;
  forBlocks(idx.length, (b, e) => (rank = assignRanks(idx, hi, lo, out, offset, rank, b, e)));
}

/**
 * Positions [b, e) from the best down (position p is sorted entry m − 1 − p): ties are adjacent,
 * compared by key (sequential reads, no lookups). Returns the rank of position e − 1.
 */
function assignRanks(idx: Int32Array, hi: Uint32Array, lo: Uint32Array, out: Int32Array, offset: number, rank: number, b: number, e: number): number {
  const m = idx.length;
  for (let p = b, k = m - 1 - b; p < e; p++, k--) {
    if (p === 0 || hi[k] !== hi[k + 1] || lo[k] !== lo[k + 1]) rank = p + 1;
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
