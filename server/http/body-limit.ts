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
 */
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './app-error.js';

export const MAX_BODY_BYTES = 256 * 1024;

export const limitBodySize = (maxSize = MAX_BODY_BYTES) =>
  bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('Connection', 'close');
      throw new AppError('payload_too_large', `Request body exceeds ${maxSize} bytes`);
    },
  });
