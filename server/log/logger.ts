/**
 * A small structured logger: one JSON line per entry (what Vercel's log drains expect), levels
 * from `LOG_LEVEL`, and `child()` to bind fields such as the request id. Errors are serialised
 * with their stack so that a 500's cause is in the log and never in the response.
 *
 * Every entry is redacted before it is written (issue 8, "no secrets or phone numbers in logs"):
 * fields named like credentials, the configured secrets' values, bearer tokens and JWTs, and
 * mainland mobile numbers anywhere in a string. A failed query's error carries its parameters
 * (drizzle: "Failed query: … params: …"), which hold names and phone numbers.
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
  /** Values never to be written (AUTH_SECRET, WECHAT_SECRET, …), wherever they appear. */
  secrets?: readonly (string | undefined)[];
}

const REDACTED = '[redacted]';
/** Field names whose values are credentials or personal data, whatever they hold. */
const SECRET_FIELD = /authorization|cookie|password|secret|token|session_?key|phone|openid|unionid/i;
/** Mainland mobile numbers (SPEC §4), bearer credentials and JWTs (`header.payload.signature`). */
const SECRET_TEXT = [/(?<!\w)(?:86)?1[3-9]\d{9}(?!\w)/g, /Bearer\s+\S+/gi, /eyJ[\w-]+\.[\w-]+\.[\w-]*/g];
const MAX_DEPTH = 8;

/** `value` with every secret in it replaced by `[redacted]` (see the top of this file). */
export function redact(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const secret of secrets) text = text.replaceAll(secret, REDACTED);
    for (const pattern of SECRET_TEXT) text = text.replace(pattern, REDACTED);
    return text;
  }
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_FIELD.test(key) ? REDACTED : redact(item, secrets, depth + 1),
    ]),
  );
}

export function createLogger(options: LoggerOptions, bound: LogFields = {}): Logger {
  const sink = options.sink ?? consoleSink;
  const now = options.now ?? (() => new Date());
  // Short values would redact ordinary words; a real secret is long (env.ts asks for 16–32+).
  const secrets = (options.secrets ?? []).filter((secret): secret is string => (secret?.length ?? 0) >= 8);
  const write = (level: LogEntry['level'], msg: string, fields?: LogFields) => {
    if (RANK[level] < RANK[options.level]) return;
    const entry = { level, msg, time: now().toISOString(), ...bound, ...serialiseFields(fields) };
    sink(redact(entry, secrets) as LogEntry);
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
