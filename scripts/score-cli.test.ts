/**
 * The scoring commands end to end (SPEC §2.3): `--json` prints one object with "auc"; bad
 * arguments exit 2 with a clear message. Runs them as a user would, through tsx, on the synthetic
 * fixture committed in the repository (issue 8 item 12: a fresh clone needs nothing beside it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCORING_MODEL } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createLeadsFixtureCsv, FIXTURE } from './lib/leads-fixture.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CSV = join(ROOT, FIXTURE.path);

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A subset of rows with the header: the commands accept any such file. */
function writeSubset(dir: string, name: string, from: number, count: number): string {
  const lines = readFileSync(CSV, 'utf8').split('\n');
  const path = join(dir, name);
  writeFileSync(path, [lines[0], ...lines.slice(1 + from, 1 + from + count)].join('\n'));
  return path;
}

describe('the leads fixture', () => {
  it('is what scripts/make-leads-fixture.ts generates from its seed (never edited by hand)', () => {
    expect(readFileSync(CSV, 'utf8')).toBe(createLeadsFixtureCsv(FIXTURE));
  });
});

describe('score:evaluate and score:calibrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'score-cli-'));
  const train = writeSubset(dir, 'train.csv', 0, 280);
  const test = writeSubset(dir, 'test.csv', 280, 120);

  it('calibrate --json prints one object with auc and writes a model that evaluate accepts', () => {
    const out = join(dir, 'model.json');
    const calibrated = run('score-calibrate.ts', ['--train', train, '--test', test, '--out', out, '--json']);
    expect(calibrated.code).toBe(0);
    const summary = JSON.parse(calibrated.stdout);
    expect(summary).toMatchObject({
      command: 'score:calibrate',
      aucOn: 'test',
      model: { version: DEFAULT_SCORING_MODEL.version + 1 },
    });
    expect(summary.auc).toBeGreaterThan(0.5);
    const evaluated = run('score-evaluate.ts', ['--test', test, '--model', out, '--json']);
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.stdout).auc).toBeCloseTo(summary.auc, 12);
  });

  it('calibrate --holdout fits on a stratified 70% of one file and reports both models on the other 30%', () => {
    const result = run('score-calibrate.ts', ['--train', CSV, '--holdout', '--seed', '5', '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    const rows = readFileSync(CSV, 'utf8').trim().split('\n').length - 1;
    expect(summary).toMatchObject({ command: 'score:calibrate', aucOn: 'holdout', holdout: { seed: 5 } });
    expect(summary.holdout.rows).toBeGreaterThan(0.25 * rows);
    expect(summary.holdout.rows).toBeLessThan(0.35 * rows);
    expect(summary.auc).toBeGreaterThan(0.5);
    expect(summary.baseAuc).toBeGreaterThan(0);
    const human = run('score-calibrate.ts', ['--train', CSV, '--holdout']);
    expect(human.stderr).toMatch(/holdout AUC 0\.\d{4} \(base 0\.\d{4}\) on \d+ leads/);
    expect(human.stdout).toMatch(/largest weight changes:/);
  });

  it.each([
    ['score-evaluate.ts', [], /--test FILE.csv is required/],
    ['score-evaluate.ts', ['--test'], /argument missing|--test/],
    ['score-evaluate.ts', ['--test', join(dir, 'nope.csv')], /cannot read/],
    ['score-evaluate.ts', ['--tset', 'x.csv'], /Unknown option '--tset'/],
    ['score-evaluate.ts', ['--test', CSV, '--model', CSV], /cannot read model/],
    ['score-calibrate.ts', ['--train', CSV, '--l2', 'lots'], /--l2 must be a number/],
    ['score-calibrate.ts', ['--test', CSV], /--train FILE.csv is required/],
    ['score-calibrate.ts', ['--train', CSV, '--holdout', '--seed', 'x'], /--seed must be a whole number/],
    ['score-calibrate.ts', ['--train', CSV, '--holdout', '--test', CSV], /--holdout splits --train itself/],
  ])('%s %j exits 2 with a clear message', (script, args, message) => {
    const result = run(script, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/usage:/);
  });
});
