/**
 * Label placement for charts drawn without a browser (Plot on the server has no collision
 * avoidance for text): labels along one axis are moved apart just enough not to overlap.
 */

/**
 * Positions for labels wanted at `at` (one per label, any order), consecutive labels at least
 * `gap` apart: sorted by wanted position (ties by input order), each label stays where it is wanted
 * unless that is closer than `gap` to the one before it, and is then pushed to exactly `gap` past
 * it. Returns the positions in the input order; NaN positions stay NaN.
 */
export function spreadLabels(at: readonly number[], gap: number): number[] {
  const order = at.map((_, k) => k).filter((k) => !Number.isNaN(at[k])).sort((a, b) => at[a] - at[b] || a - b);
  const out = at.slice();
  for (let j = 1; j < order.length; j++) out[order[j]] = Math.max(at[order[j]], out[order[j - 1]] + gap);
  return out;
}
