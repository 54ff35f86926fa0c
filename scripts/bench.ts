/**
 * npm run bench [-- --database-url postgres://…] [-- --redis-url redis://…] [-- --repetitions N]
 *               [-- --only NAME[,NAME…]] [-- --smoke] [-- --leads N] [-- --cpu-prof DIR] [-- --json]
 *
 * Runs every bench module in scripts/bench/ (each exports `name` and `run(options)`, see
 * scripts/lib/bench-kit.ts) and prints each figure as a ratio against its baseline measured in
 * the same run, alternating, with min / median / max over the repetitions and the absolute values
 * beside it (SPEC §4). No thresholds: machines are noisy. Without `--database-url` the database
 * benches use embedded PGlite; with it they work in a schema of their own, dropped at the end.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchFigure, type BenchModule, formatRatio } from './lib/bench-kit.js';
import { parseCliArgs, runCli, UsageError } from './lib/cli.js';

const USAGE = `usage: npm run bench -- [--database-url postgres://…] [--redis-url redis://…] [--repetitions N]
                          [--only NAME[,NAME…]] [--smoke] [--leads N] [--cpu-prof DIR] [--json]`;

await runCli(USAGE, async () => {
  const values = parseCliArgs(process.argv.slice(2), {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    'database-url': { type: 'string' },
    'redis-url': { type: 'string' },
    repetitions: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    leads: { type: 'string' },
    'cpu-prof': { type: 'string' },
  });
  const isSmoke = values.smoke;
  const repetitions = Number(values.repetitions ?? (isSmoke ? 1 : 3));
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new UsageError('--repetitions: a whole number ≥ 1');
  const leads = values.leads === undefined ? undefined : Number(values.leads);
  if (leads !== undefined && (!Number.isInteger(leads) || leads < 1))
    throw new UsageError('--leads: a whole number ≥ 1');
  const options = {
    databaseUrl: values['database-url'],
    redisUrl: values['redis-url'],
    repetitions,
    isSmoke,
    leads,
    cpuProfileDir: values['cpu-prof'],
    log: (message: string) => process.stderr.write(`  ${message}\n`),
  };

  const dir = fileURLToPath(new URL('./bench/', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const modules: BenchModule[] = [];
  for (const file of files) modules.push((await import(pathToFileURL(join(dir, file)).href)) as BenchModule);
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !modules.some((mod) => mod.name === name)) ?? [];
  if (unknown.length > 0) {
    throw new UsageError(`--only: no bench named ${unknown.join(', ')} (${modules.map((m) => m.name).join(', ')})`);
  }
  const report: { module: string; figures: BenchFigure[] }[] = [];
  for (const mod of modules) {
    if (only && !only.includes(mod.name)) continue;
    process.stderr.write(`… ${mod.name}\n`);
    const figures = await mod.run(options);
    report.push({ module: mod.name, figures });
    if (values.json) continue;
    for (const f of figures) {
      process.stdout.write(`${mod.name} · ${f.name}: ${f.candidate.label} vs ${f.baseline.label}: ${formatRatio(f)}\n`);
      for (const note of f.notes ?? []) process.stdout.write(`${mod.name} · ${f.name}: ${note}\n`);
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
});
