/**
 * A closed-loop HTTP load generator for the ingest bench: N clients, each with one keep-alive
 * socket (as a phone or an edge proxy keeps its connection), each sending its next request as
 * soon as the previous answer has been read. Bodies are serialised before the clock starts, so
 * the generator spends its CPU on sockets only.
 */
import { Agent, request } from 'node:http';
import { runConcurrently } from './bench-kit.js';

export interface LoadRequest {
  path: string;
  /** Bearer token of the caller. */
  token: string;
  /** The caller's address as the platform reports it (`x-vercel-forwarded-for`, set by Vercel's edge; the bench runs with `TRUSTED_PROXY=vercel`). */
  ip: string;
  body: string;
  /** Checks the parsed answer; throws when it is not what the request should have produced. */
  check(status: number, body: unknown): void;
}

export interface LoadResult {
  elapsedMs: number;
  /** Per request, from sending to the last byte of the answer. */
  latenciesMs: number[];
}

function send(agent: Agent, base: URL, item: LoadRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: item.path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(item.body),
          authorization: `Bearer ${item.token}`,
          'x-vercel-forwarded-for': item.ip,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            item.check(res.statusCode ?? 0, JSON.parse(Buffer.concat(chunks).toString('utf8')));
            resolve();
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(item.body);
  });
}

/** Sends every request through `clients` concurrent keep-alive clients; the first failure aborts the run. */
export async function runClosedLoop(options: {
  baseUrl: string;
  clients: number;
  requests: readonly LoadRequest[];
}): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  const agents = Array.from({ length: options.clients }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  try {
    const result = await runConcurrently(options.clients, options.requests.length, (i, client) =>
      send(agents[client] as Agent, base, options.requests[i] as LoadRequest),
    );
    return { elapsedMs: result.elapsedMs, latenciesMs: result.durationsMs };
  } finally {
    for (const agent of agents) agent.destroy();
  }
}
