/**
 * Just enough of Source Map v3 to turn a line of esbuild's output back into the line the author
 * wrote: the `mappings` string decoded from base64 VLQ (https://sourcemaps.info/spec.html, section
 * "Proposed Format").
 */

const B64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/** A segment: generated column → original line and column (all 0-based). */
export interface Segment {
  genCol: number;
  srcLine: number;
  srcCol: number;
}

/** The segments of each generated line (index = 0-based generated line). */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let srcLine = 0;
  let srcCol = 0;
  for (const line of mappings.split(";")) {
    const segs: Segment[] = [];
    let genCol = 0;
    for (const seg of line.split(",")) {
      if (!seg) continue;
      const v = vlq(seg);
      genCol += v[0];
      if (v.length >= 4) {
        // v[1] is the source index delta: a cell's map has one source, so it is ignored.
        srcLine += v[2];
        srcCol += v[3];
        segs.push({ genCol, srcLine, srcCol });
      }
    }
    lines.push(segs);
  }
  return lines;
}

function vlq(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of seg) {
    const d = B64.get(c);
    if (d === undefined) throw new Error(`bad source map character ${c}`);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * The original line (1-based) of generated line `line` (1-based) near column `col` (0-based): the
 * last segment at or before the column, else the line's first segment, else the nearest line above.
 */
export function originalLine(map: Segment[][], line: number, col = 0): number | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const segs = map[l];
    if (!segs?.length) continue;
    let best = segs[0];
    if (l === line - 1) for (const s of segs) if (s.genCol <= col) best = s;
    return best.srcLine + 1;
  }
  return undefined;
}
