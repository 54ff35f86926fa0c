/**
 * npm run bench [-- --json] [-- --only NAME]
 *
 * Runs every bench module in scripts/bench/ (each exports `name` and `run()`, see
 * scripts/lib/bench-kit.ts) and prints each figure as a ratio against its baseline measured in
 * the same run, absolute rates beside it (SPEC §4). No thresholds: machines are noisy.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchFigure, type BenchModule, formatRatio } from './lib/bench-kit.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
  strict: true,
});
const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .sort();
const report: { module: string; figures: BenchFigure[] }[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  if (values.only && mod.name !== values.only) continue;
  if (!values.json) process.stderr.write(`… ${mod.name}\n`);
  const figures = await mod.run();
  report.push({ module: mod.name, figures });
  if (values.json) continue;
  for (const f of figures) {
    process.stdout.write(
      `${mod.name} · ${f.name}: ${f.candidate.label} vs ${f.baseline.label}: ${formatRatio(f.candidate.perSecond, f.baseline.perSecond, f.unit)}\n`,
    );
    for (const note of f.notes ?? []) process.stdout.write(`${mod.name} · ${f.name}: ${note}\n`);
  }
}
if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
