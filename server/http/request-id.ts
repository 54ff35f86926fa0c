/**
 * Gives every request an id: the caller's `x-request-id` when it is a sane token (so that a
 * client's retry logs line up), else a new UUID. Echoed in the `x-request-id` response header and
 * in every error envelope.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const requestId = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const id = incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    c.header(REQUEST_ID_HEADER, id);
    await next();
  });
