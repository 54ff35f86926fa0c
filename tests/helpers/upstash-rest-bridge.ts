/**
 * A minimal Upstash-REST-compatible HTTP server in front of a real redis-server, for tests only:
 * it lets the production path (`createUpstashClient(url, token)`: HTTP, bearer token,
 * `Upstash-Encoding: base64`) run against Redis. Commands go through the same ioredis requester
 * the app uses for `REDIS_URL`; this file adds only HTTP and the base64 encoding of strings.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis as IORedis } from 'ioredis';
import { createIoredisRequester } from '../../server/redis/ioredis-requester.js';

// Upstash sends status replies such as OK as they are and base64-encodes every other string.
const encode = (value: unknown): unknown =>
  typeof value === 'string'
    ? value === 'OK'
      ? value
      : Buffer.from(value, 'utf8').toString('base64')
    : Array.isArray(value)
      ? value.map(encode)
      : value;

export interface UpstashRestBridge {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startUpstashRestBridge(ioredis: IORedis, token = 'test-token'): Promise<UpstashRestBridge> {
  const requester = createIoredisRequester(ioredis);
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.headers.authorization !== `Bearer ${token}`)
      return send(401, { error: 'Unauthorized' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const path = (req.url ?? '/').split('/').filter(Boolean);
    const reply = await requester.request(path.length > 0 ? { path, body } : { body });
    const base64 = req.headers['upstash-encoding'] === 'base64';
    const wrap = (r: { result?: unknown; error?: string }) => (base64 && !r.error ? { result: encode(r.result) } : r);
    if (Array.isArray(reply)) return send(200, reply.map(wrap));
    return send(reply.error ? 400 : 200, wrap(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
