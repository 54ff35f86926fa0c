/**
 * Request bodies over 256 KB are refused with 413 before anything parses them (issue 4: a
 * touchpoint batch of 100 events fits in well under that). hono's `bodyLimit` checks
 * `Content-Length` and also counts a streamed body, so a lying or absent header cannot bypass it.
 *
 * The refusal closes the connection (`Connection: close`, RFC 9112 §9.6). The refused body is
 * still on the wire, unread; Node's server then drops a connection it was told to keep alive, and a
 * client that reuses connections (Node's agents, `wx.request`) saw its next request fail with
 * ECONNRESET (issue 8 item 4). Told to close, the client opens a new connection for the next one.
 * Reading and discarding instead would make the server read up to whatever size a client sends.
 *
 * On a Node server (`c.env.incoming`, @hono/node-server) a JSON body is read here straight from
 * the socket's stream, counted as it comes, and handed to hono's body cache as text: reaching for
 * `c.req.raw.body` made the adapter build a whole web `Request` with an `AbortController` and a
 * web stream over the socket per request, which with reading through that stream cost more CPU
 * than the rest of the middleware together on tiny ingest batches (issue 12, docs/performance.md
 * "Phase 3"). Other bodies, and requests without a socket (`app.request()` in tests), take hono's
 * own `bodyLimit`; a GET or HEAD has no body to limit.
 */
import { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.js';
import { AppError } from './app-error.js';

export const MAX_BODY_BYTES = 256 * 1024;

/** The content types whose body the app reads as JSON text (`storable-text.ts` reads the same). */
export const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]+\+)?json\b/i;

export const limitBodySize = (maxSize = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> => {
  const refuse = (c: Context<AppEnv>): never => {
    c.header('Connection', 'close');
    throw new AppError('payload_too_large', `Request body exceeds ${maxSize} bytes`);
  };
  const streamed = bodyLimit({ maxSize, onError: refuse });
  return async (c, next) => {
    // Only a real Node request is read here: tests hand `app.request()` a bare `{ socket }` as
    // `incoming` for the client address, and an HTTP/2 request is another class.
    const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
    if (!(incoming instanceof IncomingMessage)) return streamed(c, next);
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) return streamed(c, next);
    const declared = incoming.headers['content-length'];
    if (declared !== undefined && incoming.headers['transfer-encoding'] === undefined && Number(declared) > maxSize) {
      return refuse(c);
    }
    const bytes = await readIncoming(incoming, maxSize);
    if (bytes === null) return refuse(c);
    // hono keeps the promise of each read in its cache (its type says the value).
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(decodeUtf8(bytes));
    return next();
  };
};

/** The body's bytes, or `null` once more than `maxSize` arrived (the rest is left on the wire). */
function readIncoming(incoming: IncomingMessage, maxSize: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxSize) {
        stop();
        incoming.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}

/** UTF-8 as the fetch API's `text()` decodes it: a leading byte-order mark is dropped. */
function decodeUtf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
