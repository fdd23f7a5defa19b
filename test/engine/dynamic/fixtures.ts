import { buildPanel, type Panel, type PeriodScores } from "../../../engine/dynamic/panel.js";

export const GRADES = ["A", "B", "C", "D"];

/**
 * A hand-built park, 2020–2024 (scores, competition ranks, grades A–D; "—" absent, "ng" listed but
 * not graded):
 *
 *          2020      2021      2022      2023      2024
 *   E1     80 A r2   85 A r2   85 A r1   90 A r1   88 A r1
 *   E2     90 A r1   88 A r1   85 A r1   80 B r2   75 B r2     (ties at 85 in 2022, at 75 in 2024)
 *   E3     60 B r3   58 B r3   40 D r6   —         —           (exits after 2022)
 *   E5     55 C r4   ng        50 C r4   50 C r4   60 C r4
 *   E6     30 D r5   25 D r4   45 C r5   42 D r5   40 D r5
 *   E4     —         —         70 B r3   75 B r3   75 B r2     (enters 2022)
 *   E8     —         —         —         ng        ng          (listed, never graded)
 *   E7     —         —         —         —         ng          (enters 2024 ungraded)
 *
 * Panel order is order of first appearance: E1, E2, E3, E5, E6, E4, E8, E7.
 */
type Row = [id: string, score: number, rank: number, grade: string] | [id: string, "ng"];

function period(label: string, rows: Row[]): PeriodScores {
  return {
    period: label,
    ids: rows.map((r) => r[0]),
    names: rows.map((r) => `Firm ${r[0]}`),
    status: rows.map((r) => (r[1] === "ng" ? "exempt" : "graded")),
    score: Float64Array.from(rows, (r) => (r[1] === "ng" ? 0 : r[1])),
    rank: Int32Array.from(rows, (r) => (r[1] === "ng" ? 0 : r[2])),
    grade: rows.map((r) => (r[1] === "ng" ? "" : r[3])),
  };
}

export function parkPanel(): Panel {
  return buildPanel([
    period("2020", [["E1", 80, 2, "A"], ["E2", 90, 1, "A"], ["E3", 60, 3, "B"], ["E5", 55, 4, "C"], ["E6", 30, 5, "D"]]),
    period("2021", [["E1", 85, 2, "A"], ["E2", 88, 1, "A"], ["E3", 58, 3, "B"], ["E5", "ng"], ["E6", 25, 4, "D"]]),
    period("2022", [["E1", 85, 1, "A"], ["E2", 85, 1, "A"], ["E3", 40, 6, "D"], ["E5", 50, 4, "C"], ["E6", 45, 5, "C"], ["E4", 70, 3, "B"]]),
    period("2023", [["E1", 90, 1, "A"], ["E2", 80, 2, "B"], ["E5", 50, 4, "C"], ["E6", 42, 5, "D"], ["E4", 75, 3, "B"], ["E8", "ng"]]),
    period("2024", [["E1", 88, 1, "A"], ["E2", 75, 2, "B"], ["E5", 60, 4, "C"], ["E6", 40, 5, "D"], ["E4", 75, 2, "B"], ["E8", "ng"], ["E7", "ng"]]),
  ]);
}

/** Index of an enterprise in the panel. */
export function at(panel: Panel, id: string): number {
  const i = panel.ids.indexOf(id);
  if (i < 0) throw new Error(`no ${id}`);
  return i;
}
