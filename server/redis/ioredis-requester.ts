/**
 * An @upstash/redis `Requester` that runs each command on a real redis-server through ioredis
 * (ADR 004), so that `REDIS_URL` exercises the same client code as Upstash in production.
 * It speaks the Upstash REST shapes: a command body `["set","k","v"]` answers `{ result }` or
 * `{ error }`; `pipeline` and `multi-exec` bodies are arrays of commands and answer arrays.
 *
 * Two differences from HTTP are handled here:
 * - Base64: over HTTP the client asks for `Upstash-Encoding: base64` and decodes the strings
 *   itself; a custom requester bypasses that HTTP layer, so results are returned as plain UTF-8.
 * - HGETALL: ioredis turns the reply into an object; Upstash returns the flat array
 *   `[field, value, …]`, which is what the client's deserialiser expects. It is flattened back.
 */
import type { Requester, UpstashRequest, UpstashResponse } from '@upstash/redis';
import type { Redis as IORedis } from 'ioredis';

type Command = [string, ...unknown[]];

const toArgument = (value: unknown): string | number | Buffer =>
  typeof value === 'string' || typeof value === 'number' || Buffer.isBuffer(value) ? value : JSON.stringify(value);

/** Maps an ioredis reply to the REST shape. */
function toResult(name: string, reply: unknown): unknown {
  if (Buffer.isBuffer(reply)) return reply.toString('utf8');
  if (Array.isArray(reply)) return reply.map((item) => toResult('', item));
  if (reply !== null && typeof reply === 'object' && name.toLowerCase() === 'hgetall') {
    return Object.entries(reply).flat();
  }
  return reply;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createIoredisRequester(client: IORedis): Requester {
  const run = async ([name, ...args]: Command): Promise<UpstashResponse<unknown>> => {
    try {
      return { result: toResult(name, await client.call(name, ...args.map(toArgument))) };
    } catch (error) {
      return { error: message(error) };
    }
  };

  const batch = async (commands: Command[], transaction: boolean): Promise<UpstashResponse<unknown>[]> => {
    const chain = transaction ? client.multi() : client.pipeline();
    for (const [name, ...args] of commands) chain.call(name, ...args.map(toArgument));
    // A queued-command error aborts a MULTI (EXECABORT) and rejects here, as Upstash answers 400.
    const replies = (await chain.exec()) ?? [];
    return replies.map(([error, reply], i) =>
      error ? { error: message(error) } : { result: toResult(commands[i]?.[0] ?? '', reply) },
    );
  };

  return {
    async request<TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
      const path = req.path?.[0];
      if (path === 'pipeline' || path === 'multi-exec') {
        // The client reads these bodies as arrays of responses (see its Pipeline.exec).
        return (await batch(req.body as Command[], path === 'multi-exec')) as unknown as UpstashResponse<TResult>;
      }
      if (path !== undefined) return { error: `Unsupported request path: /${req.path?.join('/')}` };
      return (await run(req.body as Command)) as UpstashResponse<TResult>;
    },
  };
}
