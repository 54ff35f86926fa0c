/**
 * npm run score:evaluate -- --test FILE.csv [--model default|PATH.json] [--as-of ISO] [--json]
 *
 * Scores historical leads with a model and reports how well the score ranks converters
 * (SPEC §2.3): AUC, lift by decile and, for a calibrated model, a calibration table.
 */
import { evaluateScoringModel, X_EDUCATION_MAPPING } from '@scrm/shared';
import { createProgress, loadModel, parseAsOf, parseCliArgs, runCli, UsageError } from './lib/cli.js';
import { readLeadsCsv } from './lib/leads-csv.js';
import { formatEvaluation } from './lib/print-evaluation.js';

const USAGE = 'usage: npm run score:evaluate -- --test FILE.csv [--model default|PATH.json] [--as-of ISO] [--json]';

await runCli(USAGE, () => {
  const args = parseCliArgs(process.argv.slice(2), {
    test: { type: 'string' },
    model: { type: 'string', default: 'default' },
    'as-of': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (!args.test) throw new UsageError('--test FILE.csv is required');
  const progress = createProgress(args.json);
  const model = loadModel(args.model);
  const asOf = parseAsOf(args['as-of'], X_EDUCATION_MAPPING.defaultAsOf);
  progress(`reading ${args.test}`);
  const leads = readLeadsCsv(args.test, X_EDUCATION_MAPPING, asOf);
  if (leads.length === 0) throw new UsageError(`${args.test}: no rows`);
  progress(`scoring ${leads.length} leads with ${model.id} v${model.version}`);
  let evaluation: ReturnType<typeof evaluateScoringModel>;
  try {
    evaluation = evaluateScoringModel({ leads, model, asOf });
  } catch (error) {
    throw new UsageError(`${args.test}: ${(error as Error).message}`);
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ command: 'score:evaluate', file: args.test, ...evaluation })}\n`);
  } else {
    process.stdout.write(`${formatEvaluation('Evaluation', evaluation)}\n`);
  }
});
