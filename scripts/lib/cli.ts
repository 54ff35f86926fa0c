/**
 * Shared plumbing of the scoring commands: strict argument parsing, exit code 2 on bad input,
 * and model loading (`default` or a JSON file validated by the model's zod schema, SPEC §2.3).
 */
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DEFAULT_SCORING_MODEL, type ScoringModel, scoringModelSchema } from '@scrm/shared';
import { UsageError } from './leads-csv.js';

export { UsageError };

/** Parses argv strictly; unknown or malformed options become a UsageError. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `default` or a path to a model JSON document. */
export function loadModel(spec: string): ScoringModel {
  if (spec === 'default') return DEFAULT_SCORING_MODEL;
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(spec, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read model ${spec}: ${(error as Error).message}`);
  }
  const parsed = scoringModelSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`model ${spec} is invalid: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Parses `--as-of`, defaulting to the mapping's fixed instant so that runs are reproducible. */
export function parseAsOf(value: string | undefined, fallback: string): Date {
  const asOf = new Date(value ?? fallback);
  if (Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of: not a date: ${value}`);
  return asOf;
}

/** Runs a command; a UsageError prints `usage` and exits 2, anything else exits 1. */
export async function runCli(usage: string, main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${usage}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  }
}

/** Progress for long work, on stderr so that `--json` keeps stdout to one object. */
export function createProgress(isQuiet: boolean): (message: string) => void {
  return (message) => {
    if (!isQuiet) process.stderr.write(`… ${message}\n`);
  };
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
