/**
 * Every environment variable the server reads, in one zod schema, parsed once (STYLE.md "Errors
 * and configuration"). Nothing else in the repo reads `process.env`. A missing optional variable
 * selects an embedded default explicitly: no `DATABASE_URL` → PGlite in `DATA_DIR`; no
 * `REDIS_URL` and no Upstash pair → the in-process store; no `WECHAT_SECRET` → the local stand-in.
 */
import { z } from 'zod';

/** Development-only signing secret; refused when `NODE_ENV=production`. */
const DEV_AUTH_SECRET = 'dev-only-auth-secret-change-me-0123456789';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export const TRUSTED_PROXIES = ['none', 'vercel'] as const;
export type TrustedProxy = (typeof TRUSTED_PROXIES)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

const urlWith = (protocols: RegExp, hint: string) => z.url({ protocol: protocols, error: `must be a ${hint} URL` });

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    /**
     * The address `npm start` listens on: loopback unless told otherwise (issue 9 §1: with the
     * WeChat stand-in, anyone who reaches the server can sign in as the demo manager). `0.0.0.0`
     * serves the network.
     */
    HOST: z
      .union([z.ipv4(), z.ipv6(), z.literal('localhost')], { error: 'must be an IP address or localhost' })
      .default('127.0.0.1'),
    /** Postgres (Neon, Vercel Postgres, a local server). Unset: PGlite in `DATA_DIR`. */
    DATABASE_URL: urlWith(/^postgres(ql)?$/, 'postgres://').optional(),
    /** PGlite's data folder when `DATABASE_URL` is unset; `memory://` keeps it in memory. */
    DATA_DIR: z.string().min(1).default('.data'),
    /** A real redis-server reached through the @upstash/redis client (ADR 004). */
    REDIS_URL: urlWith(/^rediss?$/, 'redis://').optional(),
    UPSTASH_REDIS_REST_URL: urlWith(/^https?$/, 'https://').optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    WECHAT_API_BASE: urlWith(/^https?$/, 'http(s)://').default('https://api.weixin.qq.com'),
    WECHAT_APPID: z.string().min(1).optional(),
    WECHAT_SECRET: z.string().min(1).optional(),
    /**
     * The installation's subscribe-template ids as JSON, key → WeChat id (e.g.
     * `{"trial_reminder":"AbC…"}`); keys left out use the stand-in's ids (ADR 015).
     */
    WECHAT_TEMPLATE_IDS: z.string().min(2).optional(),
    /** Signs session tokens (HMAC); at least 32 characters. */
    AUTH_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
    /**
     * Leads per batch when a model switch rescores every lead (`/api/cron/scoring`, ADR 019): one
     * transaction holds this many leads' locks while their scores are rebuilt.
     */
    RESCORE_BATCH_SIZE: z.coerce.number().int().min(1).max(20_000).default(2_000),
    /** Vercel Cron sends it as `Authorization: Bearer <CRON_SECRET>`. */
    CRON_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
    /**
     * Which proxy in front of the app may name the client's address (ADR 007, `http/client-address.ts`):
     * `none` reads the connection's peer, `vercel` reads Vercel's own header. Unset: `vercel` where
     * Vercel's runtime marks the process (`VERCEL=1`), else `none`.
     */
    TRUSTED_PROXY: z.enum(TRUSTED_PROXIES).optional(),
    /** Set to `1` by Vercel in its build and function environments; only selects the default above. */
    VERCEL: z.string().optional(),
  })
  .transform(({ VERCEL, ...env }) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    TRUSTED_PROXY: env.TRUSTED_PROXY ?? (VERCEL === '1' ? 'vercel' : 'none'),
  }));

/** The validated configuration. Optional fields are `undefined` when the embedded default applies. */
export type Env = z.output<typeof envSchema>;
export type EnvSource = Record<string, string | undefined>;

/** Thrown when the environment is invalid; its message lists every bad variable, one per line. */
export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Validates `source` (only the keys the schema knows). Empty strings count as unset, as they do
 * in most `.env` tooling.
 *
 * @example parseEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).DATABASE_URL
 */
export function parseEnv(source: EnvSource): Env {
  const input: EnvSource = {};
  for (const key of Object.keys(envSchema.def.in.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = envSchema.safeParse(input);
  const problems = [
    ...(result.error?.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`) ?? []),
    ...checkCombinations(input),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new EnvError(problems);
}

/**
 * Rules across variables, checked on the raw input so that they are reported together with the
 * per-variable problems (a zod refinement would not run while any field is invalid).
 */
function checkCombinations(input: EnvSource): string[] {
  const problems: string[] = [];
  const hasUrl = input.UPSTASH_REDIS_REST_URL !== undefined;
  if (hasUrl !== (input.UPSTASH_REDIS_REST_TOKEN !== undefined)) {
    const missing = hasUrl ? 'UPSTASH_REDIS_REST_TOKEN' : 'UPSTASH_REDIS_REST_URL';
    problems.push(`${missing}: required when the other Upstash variable is set`);
  }
  if (input.NODE_ENV === 'production') {
    // Without the WeChat pair `npm start` would run the stand-in, whose login codes sign anyone in
    // (as the demo manager, too): production refuses to start instead (issue 9 §1).
    for (const name of ['AUTH_SECRET', 'CRON_SECRET', 'WECHAT_APPID', 'WECHAT_SECRET']) {
      if (input[name] === undefined) problems.push(`${name}: required in production`);
    }
    // The development value is in the source, so anyone could sign tokens with it.
    if (input.AUTH_SECRET === DEV_AUTH_SECRET)
      problems.push('AUTH_SECRET: the development value is refused in production');
  }
  return problems;
}

let loaded: Env | undefined;

/** The process environment, validated once per process (the only read of `process.env`). */
export function loadEnv(): Env {
  loaded ??= parseEnv(process.env);
  return loaded;
}
