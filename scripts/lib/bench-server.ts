/**
 * The function as production runs it, in a process of its own, for the ingest bench: the Vercel
 * entry (`api/index.ts`: the lazy runtime app behind @hono/node-server's Vercel adapter) as
 * @vercel/node builds it (compiled JS, native ESM; `BENCH_FUNCTION_DIR` is the build's folder), on
 * a Node HTTP server with keep-alive, configured only by the environment. Only this harness runs
 * through tsx: the function's own modules are the build's, not tsx's transform of the sources
 * (which wraps every inner function in a naming call that production does not have). Started by
 * scripts/bench/ingest.ts through `node --import tsx`; prints `listening <port>` when ready.
 *
 * Over its IPC channel it answers `{ kind: 'cpu' }` with its CPU time, and `{ kind:
 * 'profile-start' }` / `{ kind: 'profile-stop', path }` by recording a V8 CPU profile (the same
 * format as `node --cpu-prof`) of just the measured window. SIGTERM closes the runtime and exits.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const functionDir = process.env.BENCH_FUNCTION_DIR;
if (!functionDir) throw new Error('BENCH_FUNCTION_DIR must name the folder of the built function');
const fromBuild = (file: string) => pathToFileURL(path.join(functionDir, file)).href;
const { default: handler } = (await import(fromBuild('api/index.js'))) as typeof import('../../api/index.js');
const { closeRuntime } = (await import(fromBuild('server/runtime.js'))) as typeof import('../../server/runtime.js');

export type BenchServerRequest = { kind: 'cpu' } | { kind: 'profile-start' } | { kind: 'profile-stop'; path: string };
export type BenchServerReply = { kind: 'cpu'; userMs: number; systemMs: number } | { kind: 'done' };

const server = createServer({ keepAlive: true }, handler);
// Clients keep their sockets between batches; Node's default 5 s would close idle ones mid-run.
server.keepAliveTimeout = 60_000;
const session = new Session();

async function answer(request: BenchServerRequest): Promise<BenchServerReply> {
  switch (request.kind) {
    case 'cpu': {
      const usage = process.cpuUsage();
      return { kind: 'cpu', userMs: usage.user / 1000, systemMs: usage.system / 1000 };
    }
    case 'profile-start':
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      return { kind: 'done' };
    case 'profile-stop': {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(request.path, JSON.stringify(profile));
      session.disconnect();
      return { kind: 'done' };
    }
    default: {
      const unreachable: never = request;
      throw new Error(`unknown request ${JSON.stringify(unreachable)}`);
    }
  }
}

process.on('message', (request: BenchServerRequest) => {
  answer(request).then(
    (reply) => process.send?.(reply),
    (error: unknown) => {
      process.stderr.write(`bench server: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
});

process.on('SIGTERM', () => {
  server.close();
  closeRuntime().finally(() => process.exit(0));
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
