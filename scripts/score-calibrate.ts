/**
 * npm run score:calibrate -- --train FILE.csv [--test FILE.csv | --holdout [--seed N]] [--out model.json]
 *                            [--base default|PATH.json] [--l2 N] [--as-of ISO] [--json]
 *
 * Fits the points of the base model's rules (plus the mapping's data-specific rules) from leads
 * with known outcomes (SPEC §2.3 "predictive calibration") and writes the new model version.
 * With `--holdout`, the managers' fitting (issue 15 §4) splits FILE stratified 70/30 by `--seed`
 * and reports the base and the fitted model on the same held-out 30%.
 */
import { writeFileSync } from 'node:fs';
import { calibrateScoringModel, evaluateScoringModel, type ScoringModel, X_EDUCATION_MAPPING } from '@scrm/shared';
import { createProgress, loadModel, parseAsOf, parseCliArgs, runCli, UsageError } from './lib/cli.js';
import { fitWithHoldout, formatComparison } from './lib/holdout-fit.js';
import { readLeadsCsv } from './lib/leads-csv.js';
import { formatEvaluation } from './lib/print-evaluation.js';

const USAGE =
  'usage: npm run score:calibrate -- --train FILE.csv [--test FILE.csv | --holdout [--seed N]] [--out model.json] [--base default|PATH.json] [--l2 N] [--as-of ISO] [--json]';

await runCli(USAGE, () => {
  const args = parseCliArgs(process.argv.slice(2), {
    train: { type: 'string' },
    test: { type: 'string' },
    out: { type: 'string' },
    base: { type: 'string', default: 'default' },
    l2: { type: 'string', default: '1' },
    'as-of': { type: 'string' },
    json: { type: 'boolean', default: false },
    holdout: { type: 'boolean', default: false },
    seed: { type: 'string', default: '2026' },
  });
  if (!args.train) throw new UsageError('--train FILE.csv is required');
  const l2 = Number(args.l2);
  if (!Number.isFinite(l2) || l2 < 0) throw new UsageError(`--l2 must be a number ≥ 0, got ${args.l2}`);
  const seed = Number(args.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0, got ${args.seed}`);
  if (args.holdout && args.test) throw new UsageError('--holdout splits --train itself: leave out --test');
  const progress = createProgress(args.json);
  const baseModel = loadModel(args.base);
  const asOf = parseAsOf(args['as-of'], X_EDUCATION_MAPPING.defaultAsOf);
  progress(`reading ${args.train}`);
  const train = readLeadsCsv(args.train, X_EDUCATION_MAPPING, asOf);
  if (args.holdout) {
    let fitted: ReturnType<typeof fitWithHoldout>;
    try {
      fitted = fitWithHoldout({ leads: train, baseModel, asOf, seed, l2, progress });
    } catch (error) {
      throw new UsageError(`${args.train}: ${(error as Error).message}`);
    }
    if (args.out) {
      writeFileSync(args.out, `${JSON.stringify(fitted.model, null, 2)}\n`);
      progress(`wrote ${args.out}`);
    }
    const { comparison } = fitted;
    process.stdout.write(
      args.json
        ? `${JSON.stringify({
            command: 'score:calibrate',
            model: { id: fitted.model.id, version: fitted.model.version },
            auc: comparison.candidate.auc,
            aucOn: 'holdout',
            baseAuc: comparison.active.auc,
            holdout: comparison.holdout,
            ...(args.out ? { out: args.out } : {}),
          })}\n`
        : `${formatComparison(comparison)}\n`,
    );
    return;
  }
  const test = args.test ? readLeadsCsv(args.test, X_EDUCATION_MAPPING, asOf) : undefined;
  progress(`fitting ${train.length} leads (L2 ${l2})`);
  let model: ScoringModel;
  try {
    model = calibrateScoringModel({
      leads: train,
      baseModel,
      extraRules: X_EDUCATION_MAPPING.calibrationRules,
      dataset: X_EDUCATION_MAPPING.id,
      asOf,
      l2,
    });
  } catch (error) {
    throw new UsageError(`${args.train}: ${(error as Error).message}`);
  }
  let testEvaluation: ReturnType<typeof evaluateScoringModel> | undefined;
  if (test) {
    progress(`evaluating on ${test.length} held-out leads`);
    try {
      testEvaluation = evaluateScoringModel({ leads: test, model, asOf });
    } catch (error) {
      throw new UsageError(`${args.test}: ${(error as Error).message}`);
    }
    model = { ...model, calibration: model.calibration && { ...model.calibration, testAuc: testEvaluation.auc } };
  }
  if (args.out) {
    writeFileSync(args.out, `${JSON.stringify(model, null, 2)}\n`);
    progress(`wrote ${args.out}`);
  }
  const trainAuc = model.calibration?.trainAuc ?? Number.NaN;
  if (args.json) {
    const summary = {
      command: 'score:calibrate',
      model: { id: model.id, version: model.version },
      auc: testEvaluation?.auc ?? trainAuc,
      aucOn: testEvaluation ? 'test' : 'train',
      trainRows: train.length,
      trainAuc,
      ...(testEvaluation ? { testRows: testEvaluation.rows, testAuc: testEvaluation.auc } : {}),
      ...(args.out ? { out: args.out } : {}),
      calibration: model.calibration,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const rules = [...model.fit.rules, ...model.engagement.rules]
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, 12);
  const lines = [
    `Calibrated ${baseModel.id} v${baseModel.version} → ${model.id} v${model.version} on ${train.length} leads (${model.calibration?.iterations} Newton steps)`,
    `  train AUC ${trainAuc.toFixed(4)}; MQL at total ≥ ${model.mql.minTotal} (P(convert) ≥ 50%)`,
    '  strongest rules (points):',
    ...rules.map((r) => `    ${r.points.toFixed(2).padStart(7)}  ${r.id} (${r.label})`),
  ];
  if (testEvaluation) lines.push(formatEvaluation('Held-out test', testEvaluation));
  if (!args.out) lines.push('  (model not saved: pass --out model.json)');
  process.stdout.write(`${lines.join('\n')}\n`);
});
