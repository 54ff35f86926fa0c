import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('selects the embedded defaults when nothing is set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: '.data', LOG_LEVEL: 'info' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.WECHAT_API_BASE).toBe('https://api.weixin.qq.com');
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('treats empty strings as unset and coerces the port', () => {
    const env = parseEnv({ DATABASE_URL: '', PORT: '8080' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(8080);
  });

  it('lists every bad variable in one error', () => {
    let error: unknown;
    try {
      parseEnv({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://db',
        REDIS_URL: 'http://cache',
        UPSTASH_REDIS_REST_URL: 'https://example.upstash.io',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(
      [
        'AUTH_SECRET',
        'CRON_SECRET',
        'DATABASE_URL',
        'PORT',
        'REDIS_URL',
        'UPSTASH_REDIS_REST_TOKEN',
        'WECHAT_APPID',
        'WECHAT_SECRET',
      ].sort(),
    );
    expect((error as EnvError).message).toContain('DATABASE_URL: must be a postgres:// URL');
  });

  it('has no default AUTH_SECRET in production', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      AUTH_SECRET: 'p'.repeat(40),
      CRON_SECRET: 'c'.repeat(20),
      DATABASE_URL: 'postgres://u@db.example.com/app',
      WECHAT_APPID: 'wx1234567890',
      WECHAT_SECRET: 's'.repeat(32),
    });
    expect(env.AUTH_SECRET).toBe('p'.repeat(40));
  });

  // Issue 8 item 2: the development secret is in the source; production must not start on it.
  it.each([
    ['without AUTH_SECRET', {}, 'AUTH_SECRET: required in production'],
    [
      'with the development AUTH_SECRET set explicitly',
      { AUTH_SECRET: parseEnv({}).AUTH_SECRET },
      'AUTH_SECRET: the development value is refused in production',
    ],
  ])('refuses to start in production %s', (_label, secret, problem) => {
    const production = { NODE_ENV: 'production', CRON_SECRET: 'c'.repeat(20), ...secret };
    expect(() => parseEnv(production)).toThrow(EnvError);
    expect(() => parseEnv(production)).toThrow(problem);
  });

  it.each([
    [{}, 'none'],
    [{ VERCEL: '1' }, 'vercel'],
    [{ VERCEL: '1', TRUSTED_PROXY: 'none' }, 'none'],
    [{ TRUSTED_PROXY: 'vercel' }, 'vercel'],
  ])('selects the trusted proxy from %j: %s', (source, proxy) => {
    expect(parseEnv(source).TRUSTED_PROXY).toBe(proxy);
  });

  it('refuses a proxy it does not know how to trust', () => {
    expect(() => parseEnv({ TRUSTED_PROXY: 'cloudflare' })).toThrow('TRUSTED_PROXY');
  });

  it('refuses production without the WeChat app id and secret: the stand-in must never run there (issue 9 §1)', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'p'.repeat(40), CRON_SECRET: 'c'.repeat(20) };
    expect(() => parseEnv(production)).toThrow(/WECHAT_APPID: required in production/);
    expect(() => parseEnv({ ...production, WECHAT_APPID: 'wx1' })).toThrow(/WECHAT_SECRET: required in production/);
    expect(parseEnv({ ...production, WECHAT_APPID: 'wx1', WECHAT_SECRET: 's'.repeat(32) }).NODE_ENV).toBe('production');
  });

  it('binds to loopback unless told otherwise, and refuses an address that is not one', () => {
    expect(parseEnv({}).HOST).toBe('127.0.0.1');
    expect(parseEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(() => parseEnv({ HOST: 'example.com' })).toThrow(/HOST: must be an IP address or localhost/);
  });
});
