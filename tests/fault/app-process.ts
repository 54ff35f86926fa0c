/**
 * Starts `fault-server.ts` as a child process and kills it (SIGKILL: no shutdown code runs, as when
 * a machine or a serverless instance dies mid-request).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export { findFreePort } from '../helpers/free-port.js';

/** The suite signs its prospects' tokens with this secret; the server verifies with it. */
export const FAULT_AUTH_SECRET = 'fault-suite-auth-secret-0123456789abcdef';

const SERVER = fileURLToPath(new URL('./fault-server.ts', import.meta.url));

/** Where the server keeps its data: a PGlite folder, or a schema on a PostgreSQL server. */
export type FaultDatabase = { dataDir: string } | { databaseUrl: string; schema: string };

export interface RunningApp {
  leadIds: string[];
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
}

function toArgs(port: number, database: FaultDatabase, leads: number): string[] {
  const where =
    'dataDir' in database
      ? ['--data-dir', database.dataDir]
      : ['--database-url', database.databaseUrl, '--schema', database.schema];
  return ['--import', 'tsx', SERVER, '--port', String(port), '--leads', String(leads), ...where];
}

/** Starts the server and resolves once it listens; rejects with its output if it dies first. */
export function startApp(options: { port: number; database: FaultDatabase; leads: number }): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, toArgs(options.port, options.database, options.leads), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"ready"'));
      if (!line) return;
      child.stdout?.off('data', onData);
      const { leadIds } = JSON.parse(line) as { leadIds: string[] };
      resolve({
        leadIds,
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`fault server exited (${code ?? signal}) before ready:\n${output}`)),
    );
  });
}
