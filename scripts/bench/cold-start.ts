/**
 * Cold-start bench (issue 12): how long a fresh serverless instance takes to import the function,
 * built as Vercel builds it (compiled JS, native ESM; scripts/lib/vercel-function.ts), against
 * importing bare `hono` from the same output, each in a fresh Node process, alternating. And what
 * a user waits for at a cold start: the import plus the first request (POST /api/touchpoints
 * without a token, answered 401 once the runtime is built), against the same hono import.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { alternate, type BenchFigure, type BenchOptions } from '../lib/bench-kit.js';
import { productionBenchEnv } from '../lib/production-env.js';
import { buildVercelFunction } from '../lib/vercel-function.js';

export const name = 'cold-start';

const execFileAsync = promisify(execFile);

/** Imports `specifier` and prints the milliseconds it took (inside the process: no Node boot). */
const IMPORT_TIME = `
const started = performance.now();
await import(process.argv[1]);
process.stdout.write(String(performance.now() - started));
`;

/** Imports the entry, serves it and times it up to the first answer, as a Vercel instance would. */
const FIRST_REQUEST_TIME = `
import http from 'node:http';
const started = performance.now();
const { default: handler } = await import('./api/index.js');
const server = http.createServer(handler).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const res = await fetch('http://127.0.0.1:' + server.address().port + '/api/touchpoints', { method: 'POST', body: '{}' });
await res.text();
process.stdout.write(String(performance.now() - started) + ' ' + res.status);
process.exit(0);
`;

async function timeInFreshProcess(script: string, cwd: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script, ...args], {
    cwd,
    env,
  });
  return stdout.trim();
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'scrm-cold-start-'));
  try {
    options.log('building the function with @vercel/node (as a deploy does)');
    await buildVercelFunction(outDir);
    // What a deployed instance has: production mode and the database and store it is configured with.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...productionBenchEnv(),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: 'memory://' }),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    };
    const processes = options.repetitions * 3;
    const firstRequest = async () => {
      const [ms, status] = (await timeInFreshProcess(FIRST_REQUEST_TIME, outDir, env)).split(' ');
      if (status !== '401') throw new Error(`cold-start bench: the first request answered ${status}, not 401`);
      return Number(ms);
    };
    const hono = async () => Number(await timeInFreshProcess(IMPORT_TIME, outDir, env, ['hono']));
    const imports = await alternate(processes, {
      entry: async () => Number(await timeInFreshProcess(IMPORT_TIME, outDir, env, ['./api/index.js'])),
      hono,
    });
    const coldStarts = await alternate(processes, { firstRequest, hono });
    const backends = `${options.databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${options.redisUrl ? 'Redis' : 'in-process store'}`;
    const timesNote = 'ratios of times: lower is better';
    return [
      {
        name: `import of the built function, ${processes} fresh processes each`,
        unit: ' ms',
        candidate: { label: 'import api/index.js', values: imports.entry },
        baseline: { label: "import 'hono'", values: imports.hono },
        notes: [timesNote],
      },
      {
        name: `cold start to the first answer (${backends}), ${processes} fresh processes each`,
        unit: ' ms',
        candidate: { label: 'import api/index.js, listen, first request answered', values: coldStarts.firstRequest },
        baseline: { label: "import 'hono'", values: coldStarts.hono },
        notes: [timesNote],
      },
    ];
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
