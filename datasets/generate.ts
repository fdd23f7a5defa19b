/**
 * Synthetic enterprise panels for parkscore: the committed demo (datasets/demo) and arbitrarily
 * large benchmark data.
 *
 * The enterprises are those admitted to the two parks built on the land of Wu'an's retired steel
 * mills (seed document, sections 二 and 七(四)): 东山创意产业园区 (creative industries, services,
 * health, culture, IT) and 广耀创新产业园区 (intelligent equipment, robots, electric vehicles,
 * energy saving & environmental protection, bio-pharma, high-tech). Every figure is synthetic.
 *
 * Everything is driven by a seeded PRNG (xoshiro128**, rng.ts), so the same options always give
 * the same values and the writers always give the same bytes. The panel is columnar (Float64Array
 * per numeric column, NaN = missing; string[] per text column), with no row objects.
 *
 * This file is the command; the rest lives beside it: parks.ts (the parks and industries),
 * columns.ts (the columns and headers), uscc.ts (enterprise codes), panel.ts (the model),
 * write.ts (CSV, Arrow, XLSX through the engine's writers), demo.ts (the committed demo: its
 * department files, from holdings.ts, departments.ts and miskeys.ts).
 *
 * Usage:
 *   npx tsx datasets/generate.ts --enterprises N --periods P [--seed S] [--first-period 2019]
 *                                [--missing-rate 0.02] [--format csv|arrow|xlsx] [--encoding utf-8|gbk]
 *                                [--bom] [--crlf] [--headers zh|en] --out DIR
 *   npx tsx datasets/generate.ts --demo        (re)writes the department files of datasets/demo/<period>/
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO, DEMO_DIR, writeDemo } from './demo.js';
import { generatePeriods } from './panel.js';
import { writeArrow, writeCsv, writeXlsx, type HeaderStyle } from './write.js';

const USAGE = `usage:
  npx tsx datasets/generate.ts --enterprises N --periods P [--seed S] [--first-period 2019]
      [--missing-rate 0.02] [--format csv|arrow|xlsx] [--encoding utf-8|gbk] [--bom]
      [--crlf] [--headers zh|en] --out DIR
  npx tsx datasets/generate.ts --demo [--out DIR]`;

function parseArgs(argv: string[]): Map<string, string> {
  const flags = new Set(['demo', 'bom', 'crlf', 'help']);
  const args = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}\n${USAGE}`);
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) args.set(key, a.slice(eq + 1));
    else if (flags.has(key)) args.set(key, '1');
    else {
      const v = argv[++k];
      if (v === undefined) throw new Error(`--${key} needs a value\n${USAGE}`);
      args.set(key, v);
    }
  }
  return args;
}

function intArg(args: Map<string, string>, key: string, dflt?: number): number {
  const v = args.get(key);
  if (v === undefined) {
    if (dflt === undefined) throw new Error(`--${key} is required\n${USAGE}`);
    return dflt;
  }
  const x = Number(v);
  if (!Number.isInteger(x)) throw new Error(`--${key} must be an integer, got ${v}`);
  return x;
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  if (args.has('demo')) {
    const dir = args.get('out') ?? DEMO_DIR;
    const { summary, plants } = await writeDemo(dir);
    console.log(`demo department files written to ${dir}/<period>/ (seed ${DEMO.seed})`);
    console.table(summary.map(({ rows, ...s }) => ({ ...s, ...rows })));
    console.log('planted in the latest period:');
    console.table(plants);
    return;
  }
  const enterprises = intArg(args, 'enterprises');
  const periods = intArg(args, 'periods', 1);
  const seed = intArg(args, 'seed', 1);
  const firstPeriod = intArg(args, 'first-period', 2019);
  const missingRate = args.has('missing-rate') ? Number(args.get('missing-rate')) : 0.02;
  const format = args.get('format') ?? 'csv';
  const out = args.get('out');
  if (!out) throw new Error(`--out is required\n${USAGE}`);
  if (format !== 'csv' && format !== 'arrow' && format !== 'xlsx') throw new Error(`unknown --format ${format}`);
  const headers = (args.get('headers') ?? 'zh') as HeaderStyle;
  if (headers !== 'zh' && headers !== 'en') throw new Error(`--headers must be zh or en`);
  const encoding = args.get('encoding') ?? 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'gbk') throw new Error(`--encoding must be utf-8 or gbk`);
  fs.mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  for (const p of generatePeriods({ enterprises, periods, seed, firstPeriod, missingRate })) {
    const t1 = performance.now();
    const ext = format === 'arrow' ? 'arrow' : format;
    const file = path.join(out, `${p.period}.${ext}`);
    if (format === 'csv') writeCsv(p, file, { encoding, bom: args.has('bom'), eol: args.has('crlf') ? '\r\n' : '\n', headers });
    else if (format === 'arrow') writeArrow(p, file, { headers });
    else await writeXlsx(p, file, { headers });
    const t2 = performance.now();
    console.log(`${file}: ${p.ids.length} enterprises (written in ${((t2 - t1) / 1000).toFixed(2)} s)`);
  }
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return pathToFileURL(fs.realpathSync(entry)).href === pathToFileURL(fs.realpathSync(fileURLToPath(import.meta.url))).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
