/**
 * Shared parcels: a land certificate held by several enterprises (lessees) appears once per holder,
 * each row carrying the parcel's whole figure. A row's numbers are multiplied by its factor before
 * they are combined: the share its `share:` column gives (0..1; a blank cell is an unshared row, 1),
 * or, with `split: equal`, 1 / the number of enterprises holding the row's parcel.
 */

/** The factor of each row from a share column (checked to lie in 0..1 when the file was imported). */
export function shareFactors(share: Float64Array): Float64Array {
  return Float64Array.from(share, (v) => (v === v ? v : 1));
}

/**
 * The factor of each row under an equal split: 1 / the number of distinct enterprise codes among the
 * rows with the same parcel. A row without a parcel is not shared (1).
 */
export function equalSplitFactors(parcels: readonly string[], codes: readonly string[]): Float64Array {
  const holders = new Map<string, Set<string>>();
  parcels.forEach((p, i) => {
    if (p === "") return;
    const set = holders.get(p);
    if (set) set.add(codes[i]);
    else holders.set(p, new Set([codes[i]]));
  });
  return Float64Array.from(parcels, (p) => (p === "" ? 1 : 1 / holders.get(p)!.size));
}

/** Rows whose share is outside 0..1 (a blank share is allowed). */
export function sharesOutOfRange(share: Float64Array): number[] {
  const out: number[] = [];
  share.forEach((v, i) => {
    if (v === v && !(v >= 0 && v <= 1)) out.push(i);
  });
  return out;
}
