/**
 * A small structured logger: one JSON line per entry (what Vercel's log drains expect), levels
 * from `LOG_LEVEL`, and `child()` to bind fields such as the request id. Errors are serialised
 * with their stack so that a 500's cause is in the log and never in the response.
 */
import type { LogLevel } from '../env.js';

export type LogFields = Record<string, unknown>;
export interface LogEntry {
  level: Exclude<LogLevel, 'silent'>;
  msg: string;
  time: string;
  [field: string]: unknown;
}
/** Where entries go; the default writes JSON lines to stdout (stderr for errors). */
export type LogSink = (entry: LogEntry) => void;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every entry. */
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export const consoleSink: LogSink = (entry) => {
  const line = JSON.stringify(entry);
  if (entry.level === 'error') console.error(line);
  else console.log(line);
};

export interface LoggerOptions {
  level: LogLevel;
  sink?: LogSink;
  /** The clock; the logger never reads the time by itself elsewhere. */
  now?: () => Date;
}

export function createLogger(options: LoggerOptions, bound: LogFields = {}): Logger {
  const sink = options.sink ?? consoleSink;
  const now = options.now ?? (() => new Date());
  const write = (level: LogEntry['level'], msg: string, fields?: LogFields) => {
    if (RANK[level] < RANK[options.level]) return;
    sink({ level, msg, time: now().toISOString(), ...bound, ...serialiseFields(fields) });
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/**
 * Errors do not survive `JSON.stringify`; turn them into plain objects, with their `cause` (a
 * driver's error wrapped by drizzle's "Failed query" holds the database's reason there).
 */
function serialiseError(error: Error, depth = 0): Record<string, unknown> {
  const cause = error.cause instanceof Error && depth < 3 ? { cause: serialiseError(error.cause, depth + 1) } : {};
  return { name: error.name, message: error.message, stack: error.stack, ...cause };
}

function serialiseFields(fields: LogFields | undefined): LogFields {
  if (!fields) return {};
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? serialiseError(value) : value;
  return out;
}
