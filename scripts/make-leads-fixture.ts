/**
 * npx tsx scripts/make-leads-fixture.ts [--seed 2026] [--rows 400] [--out scripts/fixtures/x-education-sample.csv]
 *
 * Writes the synthetic leads CSV the scoring CLIs' tests use (issue 8 item 12): the X Education
 * columns, values from a seed, so that `npm test` needs nothing outside the repository. Run it
 * again after changing `scripts/lib/leads-fixture.ts` and commit the output.
 */
import { writeFileSync } from 'node:fs';
import { parseCliArgs, runCli, UsageError } from './lib/cli.js';
import { createLeadsFixtureCsv, FIXTURE } from './lib/leads-fixture.js';

const USAGE =
  'usage: npx tsx scripts/make-leads-fixture.ts [--seed 2026] [--rows 400] [--out scripts/fixtures/x-education-sample.csv]';

await runCli(USAGE, () => {
  const args = parseCliArgs(process.argv.slice(2), {
    seed: { type: 'string', default: String(FIXTURE.seed) },
    rows: { type: 'string', default: String(FIXTURE.rows) },
    out: { type: 'string', default: FIXTURE.path },
  });
  const seed = Number(args.seed);
  const rows = Number(args.rows);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${args.seed}`);
  if (!Number.isInteger(rows) || rows < 1) throw new UsageError(`--rows must be a positive integer, got ${args.rows}`);
  writeFileSync(args.out, createLeadsFixtureCsv({ seed, rows }));
  process.stdout.write(`wrote ${rows} synthetic leads (seed ${seed}) to ${args.out}\n`);
});
