/** The warnings of one period (`parkscore warnings`): the dataset's periods up to it, read as a panel, then alerts. */
import { alerts, type Alert } from "../dynamic/alerts.js";
import { buildPanel } from "../dynamic/panel.js";
import { openDataset } from "./dataset.js";
import { loadWindow, periodsBetween } from "./window.js";

/** The most serious first: staying in the worst grade, a fallen grade, then a falling score. */
const ORDER = ["repeated-worst", "grade-fell", "score-falling"];

/** Alerts for `period`, given `falling` periods of falling score; `notes` say how runs were read. */
export async function periodAlerts(dir: string, period: string, falling: number): Promise<{ alerts: Alert[]; notes: string[] }> {
  const { scheme } = openDataset(dir);
  const periods = periodsBetween(dir, undefined, period);
  const notes: string[] = [];
  const panel = buildPanel((await loadWindow(dir, scheme, periods, notes)).map((w) => w.scores));
  const list = alerts(panel, period, scheme.grading.grades, { fallingPeriods: falling }).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return { alerts: list, notes };
}
