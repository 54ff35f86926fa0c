/**
 * Builds the function the way Vercel does and runs what comes out on plain Node. @vercel/node
 * compiles each traced `.ts` file on its own, keeps every import specifier as written and runs
 * the result as native ESM, where an extensionless relative import or a package entry naming a
 * `.ts` file fails at load (ERR_MODULE_NOT_FOUND). Importing the sources (api/index.test.ts) cannot
 * catch that; this test runs Vercel's own builder over the repository and serves its output.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVercelFunction } from '../scripts/lib/vercel-function.js';

/** Serves the built handler with Node's HTTP server, as Vercel's Node launcher calls it. */
const SERVE_BUILT_FUNCTION = `
import http from 'node:http';
const { default: handler } = await import('./api/index.js');
const server = http.createServer(handler).listen(0, '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
`;

function startBuiltFunction(outDir: string): Promise<{ child: ChildProcess; base: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: 'memory://', LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'REDIS_URL'] as const) if (process.env[name]) env[name] = process.env[name];
  const child = spawn(process.execPath, ['serve.mjs'], { cwd: outDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ child, base: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`the built function exited (${code}):\n${errors}`)));
  });
}

describe('the function as Vercel builds it', () => {
  let outDir: string;
  let child: ChildProcess | undefined;
  let base: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'scrm-vercel-'));
    await buildVercelFunction(outDir);
    await writeFile(path.join(outDir, 'serve.mjs'), SERVE_BUILT_FUNCTION);
    ({ child, base } = await startBuiltFunction(outDir));
  }, 180_000);

  afterAll(async () => {
    child?.kill();
    await rm(outDir, { recursive: true, force: true });
  });

  it('loads on plain Node and answers GET /api/health', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('serves every route, including the domain code from shared/', async () => {
    const openapi = await fetch(`${base}/api/openapi.json`);
    expect(Object.keys(((await openapi.json()) as { paths: object }).paths)).toContain('/api/me/downloads');
    // Validation runs the shared zod schemas: a refused batch proves they loaded.
    const res = await fetch(`${base}/api/touchpoints`, { method: 'POST', body: '{"events":[]}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
