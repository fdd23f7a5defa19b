/**
 * Plot (clip paths, markers, patterns) and Vega's static SVG (clip paths, gradients) number their
 * ids with process-wide counters, so the same page rendered twice in one process (the server, a
 * test) would differ; a page renumbers them from 1, per kind, in order of first appearance.
 */
export function renumberChartIds(html: string): string {
  const seen = new Map<string, string>();
  const next = new Map<string, number>();
  return html.replace(/\bplot-(clip|marker|pattern)-\d+\b|(?<=id="|#)(clip|gradient_)\d+\b/g, (id, plotKind: string | undefined, vegaKind: string | undefined) => {
    let to = seen.get(id);
    if (!to) {
      const kind = plotKind ? `plot-${plotKind}-` : vegaKind!;
      const n = (next.get(kind) ?? 0) + 1;
      next.set(kind, n);
      to = `${kind}${n}`;
      seen.set(id, to);
    }
    return to;
  });
}
