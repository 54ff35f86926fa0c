/**
 * `expectError(res, status, code)`: asserts an error response has the status, the envelope
 * (ADR 002) and the code, and returns the error for further checks (message, issues).
 */
import { type ErrorCode, type ErrorEnvelope, errorEnvelopeSchema } from '@scrm/shared';
import { expect } from 'vitest';
import type { TestResponse } from './request.js';

export function expectError(res: TestResponse, status: number, code: ErrorCode): ErrorEnvelope['error'] {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { error: { code } } });
  const envelope = errorEnvelopeSchema.parse(res.body);
  expect(envelope.error.requestId).toBe(res.headers.get('x-request-id'));
  return envelope.error;
}
