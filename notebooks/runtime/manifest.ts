/**
 * The dataset's manifest hash, printed on every page so a reader can tell which data a notebook
 * saw: sha256 over the text
 *     scheme <sha256 of scheme.yaml>\n
 *     <period> <sha256 of its latest revision>\n   (one line per stored period, in period order)
 * where a period delivered by department has as its revision the merge of its sources' latest
 * revisions, fingerprinted by which revision of which source (engine/store/merged-period.ts).
 * Importing a new revision, a new period, or changing the scheme changes it; re-running does not.
 */
import { sha256, latestRevision, listPeriods, openDataset } from "../../engine/index.js";

export interface DatasetManifest {
  hash: string;
  schemeHash: string;
  periods: { period: string; revision: number; sha256: string }[];
}

export function datasetManifest(dir: string): DatasetManifest {
  const schemeHash = openDataset(dir).scheme.hash;
  const periods = listPeriods(dir).map((period) => {
    const r = latestRevision(dir, period);
    return { period, revision: r.revision, sha256: r.sha256 };
  });
  const text = `scheme ${schemeHash}\n` + periods.map((p) => `${p.period} ${p.sha256}\n`).join("");
  return { hash: sha256(text), schemeHash, periods };
}
