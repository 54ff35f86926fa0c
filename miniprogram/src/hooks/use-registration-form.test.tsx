import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import { PRIVACY_POLICY_VERSION } from '../privacy-policy';
import { REGISTRATION_ERRORS as E, useRegistrationForm, validateRegistration } from './use-registration-form';

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
  it('names each kind of wrong input, in form order', () => {
    expect(validateRegistration({ name: ' ', phone: '', hasConsent: false })).toEqual({
      name: E.nameEmpty,
      phone: E.phoneEmpty,
      role: E.role,
      grade: E.grade,
      courseId: E.courseId,
      timeline: E.timeline,
      campusId: E.campusId,
      hasConsent: E.consent,
    });
    expect(validateRegistration({ ...complete, phone: '1380013800', hasConsent: true })).toEqual({ phone: E.phoneBad });
    expect(validateRegistration({ ...complete, phone: '23800138000', hasConsent: true })).toEqual({
      phone: E.phoneBad,
    });
    expect(validateRegistration({ ...complete, name: '王'.repeat(31), hasConsent: true })).toEqual({
      name: E.nameLong,
    });
    expect(validateRegistration({ ...complete, phone: '138 0013 8000', hasConsent: true })).toEqual({});
  });

  it('shows no message before the user does anything, a field message once left, all on submit', async () => {
    const { api, sent } = recordingClient();
    const { result } = renderHook(() => useRegistrationForm(api, { now: () => new Date() }));
    expect(Object.keys(complete).map((f) => result.current.fieldErrors.errorOf(f as 'name'))).toEqual(
      Object.keys(complete).map(() => undefined),
    );
    expect(result.current.fieldErrors.errorOf('hasConsent')).toBeUndefined();
    act(() => result.current.update({ phone: '1380013' }));
    expect(result.current.fieldErrors.errorOf('phone')).toBeUndefined();
    act(() => result.current.fieldErrors.touch('phone'));
    expect(result.current.fieldErrors.errorOf('phone')).toBe(E.phoneBad);
    expect(result.current.fieldErrors.errorOf('name')).toBeUndefined();
    await act(async () => {
      await result.current.submit();
    });
    expect(sent).toEqual([]);
    expect(result.current.fieldErrors.errorOf('name')).toBe(E.nameEmpty);
    expect(result.current.fieldErrors.errorOf('hasConsent')).toBe(E.consent);
    expect(result.current.fieldErrors.firstInvalid).toBe('name');
  });

  it("sends the visit's channel code and campaign with the registration (its first touch)", async () => {
    const { api, sent } = recordingClient();
    const attribution = { channel: 'c.C35KOS9MTQ6aUWwdLj9KWw', campaignId: 'autumn-2026' };
    const { result } = renderHook(() => useRegistrationForm(api, { now: () => new Date(), attribution }));
    act(() => result.current.update({ ...complete, hasConsent: true }));
    await act(async () => {
      await result.current.submit();
    });
    expect(sent[0]?.body).toMatchObject(attribution);
  });

  it('sends nothing before consent, then sends the consent with its policy version', async () => {
    const { api, sent } = recordingClient();
    const now = new Date('2026-11-22T08:00:00.000Z');
    const { result } = renderHook(() => useRegistrationForm(api, { now: () => now }));
    act(() => result.current.update({ ...complete }));
    await act(async () => {
      await result.current.submit();
    });
    expect(sent).toEqual([]);
    expect(result.current.fieldErrors.errorOf('hasConsent')).toBe(E.consent);

    act(() => result.current.update({ hasConsent: true }));
    expect(result.current.fieldErrors.count).toBe(0);
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
