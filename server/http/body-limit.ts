/**
 * Request bodies over 256 KB are refused with 413 before anything parses them (issue 4: a
 * touchpoint batch of 100 events fits in well under that). hono's `bodyLimit` checks
 * `Content-Length` and also counts a streamed body, so a lying or absent header cannot bypass it.
 */
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './app-error.js';

export const MAX_BODY_BYTES = 256 * 1024;

export const limitBodySize = (maxSize = MAX_BODY_BYTES) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', `Request body exceeds ${maxSize} bytes`);
    },
  });
