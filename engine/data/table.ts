/** A table to write out: named, typed columns of equal length, in order. */
export type OutputColumn =
  | { name: string; type: "text"; values: string[] }
  /** NaN is written as an empty cell (a null in Arrow). */
  | { name: string; type: "number"; values: Float64Array }
  /** 0 is written as an empty cell (a null in Arrow): ranks of enterprises not graded. */
  | { name: string; type: "rank"; values: Int32Array }
  | { name: string; type: "boolean"; values: Uint8Array };
