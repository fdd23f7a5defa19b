/**
 * The problems planted in the demo's latest period, so that the coverage report has something true
 * to say: codes keyed wrongly (one character changed, a wrong check character) that match no
 * participant, codes written in ways normalisation undoes (full-width, lower case, a space), and
 * participants a department left out. Those that change a figure are planted on below-size firms
 * (codes 91130481MA1…), so every other enterprise's merged figures stay those of the panel.
 */
import type { OutputColumn } from '../engine/data/table.js';
import { KEY, type SourceId } from './departments.js';
import type { PanelPeriod } from './panel.js';
import { Rng } from './rng.js';

export type PlantKind = 'one-character' | 'check-character' | 'full-width' | 'lower-case' | 'space' | 'left-out';

export interface Plant {
  source: SourceId;
  kind: PlantKind;
  /** the participant's code */
  code: string;
  /** the code as the department's file writes it (absent for a participant left out) */
  written?: string;
}

/** How many participants the statistics bureau leaves out. */
const LEFT_OUT = 5;

/** The same code in full-width characters (as typed with a Chinese input method in full-width mode). */
export const fullWidth = (code: string) => Array.from(code, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');

/** A digit other than `ch` (every digit is in the code alphabet): the typo of a hand on the keypad. */
function otherDigit(rng: Rng, ch: string): string {
  const d = ch >= '0' && ch <= '9' ? Number(ch) : 9;
  return String((d + 1 + rng.int(9)) % 10);
}

/** Plants the problems into the period's tables (changed in place) and lists them. */
export function plantProblems(tables: Map<SourceId, OutputColumn[]>, p: PanelPeriod, seed: number): Plant[] {
  const rng = new Rng(seed, 7);
  const participants = new Set(p.ids);
  const belowSize = p.ids.filter((id, k) => id[10] === '1' && p.texts.size[k] === '规下');
  const taken = new Set<string>();
  const pick = (from: string[]) => {
    const free = from.filter((id) => !taken.has(id));
    const id = free[rng.int(free.length)];
    taken.add(id);
    return id;
  };
  const plants: Plant[] = [];
  const rewrite = (source: SourceId, kind: PlantKind, code: string, written: string) => {
    const key = tables.get(source)!.find((c) => c.name === KEY)!.values as string[];
    key[key.indexOf(code)] = written;
    plants.push({ source, kind, code, written });
  };

  // a meter keyed with one character of the code's body changed: no participant has that code
  const meterCode = pick(belowSize);
  let typo: string;
  do {
    const at = 10 + rng.int(7);
    typo = meterCode.slice(0, at) + otherDigit(rng, meterCode[at]) + meterCode.slice(at + 1);
  } while (participants.has(typo));
  rewrite('power', 'one-character', meterCode, typo);

  const taxCode = pick(belowSize);
  rewrite('tax', 'check-character', taxCode, taxCode.slice(0, 17) + otherDigit(rng, taxCode[17]));

  const all = [...p.ids];
  const landCode = pick(all);
  rewrite('land', 'full-width', landCode, fullWidth(landCode));
  const envCode = pick(all);
  rewrite('environment', 'lower-case', envCode, envCode.toLowerCase());
  const highTech = p.ids.filter((_, k) => p.numbers.high_tech[k] === 1);
  const htCode = pick(highTech);
  rewrite('hightech', 'space', htCode, `${htCode.slice(0, 8)} ${htCode.slice(8)}`);

  // the statistics bureau's returns lack a few below-size firms
  const left = new Set<string>();
  for (let j = 0; j < LEFT_OUT; j++) left.add(pick(belowSize));
  const stats = tables.get('stats')!;
  const key = stats.find((c) => c.name === KEY)!.values as string[];
  const keep = key.flatMap((id, i) => (left.has(id) ? [] : [i]));
  tables.set('stats', stats.map((c) => (c.type === 'text' ? { ...c, values: keep.map((i) => c.values[i]) } : c.type === 'number' ? { ...c, values: Float64Array.from(keep, (i) => c.values[i]) } : c)));
  for (const id of [...left].sort()) plants.push({ source: 'stats', kind: 'left-out', code: id });
  return plants;
}
