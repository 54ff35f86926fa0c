import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import { bookTrial } from './use-book-trial';

function clientFailingWith(error: unknown): ApiClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    request: async (path: string) => {
      calls.push(path);
      throw error;
    },
    ensureSession: async () => {
      throw new Error('not used');
    },
    findSession: () => null,
    signOut: () => {},
  } as ApiClient & { calls: string[] };
}

describe('bookTrial', () => {
  it('sends an unregistered prospect to registration', async () => {
    const api = clientFailingWith(
      new ApiError({
        code: 'registration_required',
        status: 403,
        message: 'needs registration',
        userMessage: '请先完成登记再预约试听',
      }),
    );
    expect(await bookTrial(api, 's1')).toEqual({ kind: 'needs_registration' });
    expect(api.calls).toEqual(['/api/bookings']);
  });

  it('shows the server’s Chinese message for a full session', async () => {
    const api = clientFailingWith(
      new ApiError({ code: 'conflict', status: 409, message: 'full', userMessage: '该场次已满' }),
    );
    expect(await bookTrial(api, 's1')).toEqual({ kind: 'refused', userMessage: '该场次已满' });
  });

  it('never shows raw error text for an unexpected failure', async () => {
    const api = clientFailingWith(new TypeError('fetch failed at 0x1234'));
    const outcome = await bookTrial(api, 's1');
    expect(outcome.kind).toBe('refused');
    expect(JSON.stringify(outcome)).not.toContain('0x1234');
  });
});
