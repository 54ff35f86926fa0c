import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Runs `npm start`'s script with `env` only (no inherited secrets or URLs) and returns how it ended. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: 'memory://', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm start refuses an unsafe configuration (issue 9 §1)', () => {
  it('production without the WeChat app id and secret does not start (no stand-in, no demo staff)', () => {
    const { status, output } = start({
      NODE_ENV: 'production',
      AUTH_SECRET: 'p'.repeat(40),
      CRON_SECRET: 'c'.repeat(20),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('WECHAT_APPID: required in production');
    expect(output).toContain('WECHAT_SECRET: required in production');
    expect(output).not.toContain('is running');
    expect(output).not.toContain('demo institution seeded');
  });

  it('an address to listen on that is not an address does not start', () => {
    const { status, output } = start({ HOST: 'everywhere' });
    expect(status).not.toBe(0);
    expect(output).toContain('HOST: must be an IP address or localhost');
  });
});
