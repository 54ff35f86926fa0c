/**
 * `npm run test:mutation [-- <stryker options>]`: StrykerJS with `stryker.config.mjs` (issue 10),
 * then the machine-specific parts taken out of the committed incremental file. Stryker records
 * its working directory as `projectRoot` there and never reads it back (it matches files by their
 * relative names), so without it, and with paths in crash reasons made relative, the file is the
 * same on every checkout and in CI.
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
  delete report.projectRoot;
  // A mutant that crashes the runner keeps its stack trace as the reason, with this checkout's
  // absolute paths in it: written relative, so the committed file names no machine's folders.
  const text = JSON.stringify(report, null, 2).split(process.cwd()).join('.');
  writeFileSync(config.incrementalFile, `${text}\n`);
}
process.exit(run.status ?? 1);
