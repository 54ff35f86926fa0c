/**
 * `npm run test:mutation [-- <stryker options>]`: StrykerJS with `stryker.config.mjs` (issue 10),
 * then the one machine-specific field taken out of the committed incremental file. Stryker
 * records its working directory as `projectRoot` there and never reads it back (it matches files
 * by their relative names), so without it the file is the same on every checkout and in CI.
 * Exits with Stryker's own status: non-zero under the 90% threshold.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const configUrl = pathToFileURL(resolve('stryker.config.mjs')).href;
const { default: config } = (await import(configUrl)) as { default: { incrementalFile: string } };

const run = spawnSync('stryker', ['run', ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.error) throw run.error;

if (existsSync(config.incrementalFile)) {
  const report: Record<string, unknown> = JSON.parse(readFileSync(config.incrementalFile, 'utf8'));
  if ('projectRoot' in report) {
    delete report.projectRoot;
    writeFileSync(config.incrementalFile, `${JSON.stringify(report, null, 2)}\n`);
  }
}
process.exit(run.status ?? 1);
