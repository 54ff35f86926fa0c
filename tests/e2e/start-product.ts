/**
 * Runs `npm start`'s script as a child process on a free port with a fresh PGlite folder, and
 * waits until it says it is serving. What a newcomer runs is what the browser test drives.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../helpers/free-port.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface RunningProduct {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startProduct(options: {
  timeoutMs: number;
  /** Added to the product's environment (e.g. `CRON_SECRET` for a test that calls the cron routes). */
  env?: Record<string, string>;
}): Promise<RunningProduct> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'scrm-e2e-'));
  // The product's own defaults, as `npm start` gives them: no DATABASE_URL, REDIS_URL or WeChat secret.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const name of [
    'CRON_SECRET',
    'DATABASE_URL',
    'REDIS_URL',
    'UPSTASH_REDIS_REST_URL',
    'UPSTASH_REDIS_REST_TOKEN',
    'WECHAT_SECRET',
  ]) {
    delete env[name];
  }
  Object.assign(env, options.env);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + options.timeoutMs;
  while (!output.includes('is running')) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm start did not come up in ${options.timeoutMs} ms:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop };
}
