/**
 * npx tsx scripts/split-leads-csv.ts --in FILE.csv --train-out TRAIN.csv --test-out TEST.csv
 *                                    [--ratio 0.7] [--seed 2026]
 *
 * A seeded random split of a leads CSV into train and test files with the same header (SPEC §2.3
 * "a model calibrated on a random 70% ... on the other 30%"). Same seed, same split.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { splitTrainTest } from '@scrm/shared';
import { parse } from 'csv-parse/sync';
import { parseCliArgs, runCli, UsageError } from './lib/cli.js';

const USAGE =
  'usage: npx tsx scripts/split-leads-csv.ts --in FILE.csv --train-out TRAIN.csv --test-out TEST.csv [--ratio 0.7] [--seed 2026]';

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function toCsvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}

await runCli(USAGE, () => {
  const args = parseCliArgs(process.argv.slice(2), {
    in: { type: 'string' },
    'train-out': { type: 'string' },
    'test-out': { type: 'string' },
    ratio: { type: 'string', default: '0.7' },
    seed: { type: 'string', default: '2026' },
  });
  if (!args.in || !args['train-out'] || !args['test-out']) {
    throw new UsageError('--in, --train-out and --test-out are required');
  }
  const ratio = Number(args.ratio);
  const seed = Number(args.seed);
  if (!(ratio > 0 && ratio < 1)) throw new UsageError(`--ratio must be between 0 and 1, got ${args.ratio}`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${args.seed}`);
  let rows: string[][];
  try {
    rows = parse(readFileSync(args.in, 'utf8'), { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new UsageError(`cannot read ${args.in}: ${(error as Error).message}`);
  }
  const [header, ...records] = rows;
  if (!header) throw new UsageError(`${args.in}: empty file`);
  const { train, test } = splitTrainTest(records, ratio, seed);
  const write = (path: string, part: string[][]) =>
    writeFileSync(path, `${[header, ...part].map(toCsvLine).join('\n')}\n`);
  write(args['train-out'], train);
  write(args['test-out'], test);
  process.stdout.write(`split ${records.length} rows (seed ${seed}): ${train.length} train, ${test.length} test\n`);
});
