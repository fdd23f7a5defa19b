/**
 * The files of `report`: one period's static report — index.html, a card per enterprise under
 * enterprises/, league.xlsx, and with `pdf` index.pdf and cards.pdf — written atomically together.
 */
import { resolve } from "node:path";
import { reportFiles } from "../report/files.js";
import { loadReport } from "../report/load.js";
import type { ReportModel } from "../report/model.js";
import { chromiumPath, printPdf } from "../report/pdf.js";
import type { Lang } from "../scheme/types.js";
import { replaceFolder } from "./atomic.js";

export interface ReportRequest {
  out: string;
  lang: Lang;
  /** Also print the pages to PDF with headless Chromium. */
  pdf?: boolean;
}

export interface ReportRun {
  model: ReportModel;
  /** The folder written, absolute. */
  out: string;
  pdf: boolean;
}

export async function reportToFolder(dir: string, period: string, o: ReportRequest): Promise<ReportRun> {
  // Checked first, so a missing browser is said before any work is done.
  const chromium = o.pdf ? chromiumPath() : undefined;
  const model = await loadReport(dir, period, { lang: o.lang });
  const out = resolve(o.out);
  const files = await reportFiles(model);
  // The PDFs are printed from the pages in the folder being built: a failing Chromium leaves the old report whole.
  await replaceFolder(out, async (s) => {
    s.write(files);
    if (chromium) s.write(await printPdf(model, s.dir, chromium));
  });
  return { model, out, pdf: chromium !== undefined };
}
