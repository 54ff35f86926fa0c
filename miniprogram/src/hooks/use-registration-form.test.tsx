import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import { PRIVACY_POLICY_VERSION } from '../privacy-policy';
import { listMissingFields, useRegistrationForm } from './use-registration-form';

function recordingClient() {
  const sent: { path: string; body: unknown }[] = [];
  const api = {
    request: async (path: string, options?: { body?: unknown; schema?: { parse(d: unknown): unknown } }) => {
      sent.push({ path, body: options?.body });
      // The reply's shape is the API's business; here only what was sent matters.
      return { lead: null };
    },
  } as unknown as ApiClient;
  return { api, sent };
}

const complete = {
  name: '王小明',
  phone: '13800138000',
  role: 'parent' as const,
  grade: 'middle' as const,
  courseId: '00000000-0000-4000-8000-000000000001',
  timeline: 'within_3_months' as const,
  campusId: '00000000-0000-4000-8000-000000000002',
};

describe('registration form', () => {
  it('lists the fields still missing', () => {
    expect(listMissingFields({ name: ' ', phone: '', hasConsent: false })).toEqual([
      'name',
      'phone',
      'role',
      'grade',
      'courseId',
      'timeline',
      'campusId',
    ]);
    expect(listMissingFields({ ...complete, hasConsent: false })).toEqual([]);
  });

  it('sends nothing before consent, then sends the consent with its policy version', async () => {
    const { api, sent } = recordingClient();
    const now = new Date('2026-11-22T08:00:00.000Z');
    const { result } = renderHook(() => useRegistrationForm(api, { now: () => now }));
    act(() => result.current.update({ ...complete }));
    expect(result.current.canSubmit).toBe(false);
    await act(async () => {
      await result.current.submit();
    });
    expect(sent).toEqual([]);

    act(() => result.current.update({ hasConsent: true }));
    expect(result.current.canSubmit).toBe(true);
    await act(async () => {
      await result.current.submit();
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      path: '/api/registrations',
      body: { ...complete, consent: { policyVersion: PRIVACY_POLICY_VERSION, agreedAt: now.toISOString() } },
    });
  });
});
