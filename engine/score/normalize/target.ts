import type { Direction } from "../../scheme/types.js";
import { linear, NormalizeError, stats, type Normalized } from "./kernel.js";
import type { TargetSpec } from "../../scheme/types.js";

/**
 * Distance to target (goalposts): r = (x − floor)/(target − floor), 0 at the floor, 1 at the
 * target, floored at 0 and capped at `cap` (default 1: no credit beyond the target; cap 1.2 lets
 * values beyond it earn up to 20% more, linearly). For a cost indicator the target lies below the
 * floor and the same expression reads (floor − x)/(floor − target).
 *
 * OECD/JRC Handbook on Constructing Composite Indicators (2008), table 3, "distance to a reference"
 * with a target as the reference; the goalposts of UNDP's Human Development Index
 * ((actual − minimum)/(maximum − minimum) with fixed minimum and maximum); COINr's n_goalposts
 * (truncated to the posts) and n_dist2targ (`cap_max`).
 *
 * Fixed goalposts need no population statistics: a constant column is only flagged.
 */
export function target(x: Float64Array, pop: Uint8Array, direction: Direction, spec: TargetSpec): Normalized {
  const { floor, target: goal } = spec;
  const cap = spec.cap ?? 1;
  if (!(Number.isFinite(floor) && Number.isFinite(goal)))
    throw new NormalizeError(`the floor (${floor}) and the target (${goal}) must be finite numbers`);
  if (direction === "benefit" ? !(goal > floor) : !(goal < floor))
    throw new NormalizeError(
      `a ${direction} indicator's target must be ${direction === "benefit" ? "above" : "below"} its floor (floor ${floor}, target ${goal})`,
    );
  if (!(cap >= 1)) throw new NormalizeError(`the cap (${cap}) must be at least 1, the score at the target`);
  const s = stats(x, pop);
  const scaled = direction === "benefit" ? linear(x, pop, 1, -floor, goal - floor, 0, 0, cap, s) : linear(x, pop, -1, floor, floor - goal, 0, 0, cap, s);
  return { ...scaled, constant: !(s.max > s.min), missing: s.size - s.count };
}
