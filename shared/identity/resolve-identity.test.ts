import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideLeadIdentity, type IdentityLeadFacts } from './resolve-identity.js';

const lead = (id: string, over: Partial<IdentityLeadFacts> = {}): IdentityLeadFacts => ({
  id,
  hasOpenid: true,
  isPhoneVerified: false,
  isLive: true,
  createdAt: '2026-03-01T00:00:00.000Z',
  ...over,
});

const factsArb = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  hasOpenid: fc.boolean(),
  isPhoneVerified: fc.boolean(),
  isLive: fc.boolean(),
  createdAt: fc
    .integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-01-03') })
    .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString()),
});

describe('decideLeadIdentity (SPEC §4 one person, one lead)', () => {
  it('an offline lead is absorbed by the WeChat user whose number WeChat verified', () => {
    const offline = lead('offline', { hasOpenid: false, createdAt: '2026-01-01T00:00:00.000Z' });
    const wechat = lead('wechat', { isPhoneVerified: true });
    expect(decideLeadIdentity(wechat, offline)).toEqual({
      action: 'merge',
      survivorId: 'wechat',
      absorbedId: 'offline',
      reason: 'offline-lead-claimed',
    });
  });

  it('a typed number only flags: it proves nothing, and merging would hand over the history', () => {
    const offline = lead('offline', { hasOpenid: false, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(decideLeadIdentity(lead('typist'), offline)).toEqual({
      action: 'flag',
      leadId: 'typist',
      duplicateOfLeadId: 'offline',
      reason: 'unverified-phone',
    });
  });

  it('two WeChat users with one number (a parent and a student) are flagged, the newer as duplicate', () => {
    const parent = lead('parent', { isPhoneVerified: true, createdAt: '2026-01-01T00:00:00.000Z' });
    const student = lead('student', { isPhoneVerified: true });
    expect(decideLeadIdentity(parent, student)).toEqual({
      action: 'flag',
      leadId: 'student',
      duplicateOfLeadId: 'parent',
      reason: 'different-wechat-users',
    });
  });

  it('two offline leads merge, the newer into the older', () => {
    const first = lead('first', { hasOpenid: false, createdAt: '2026-01-01T00:00:00.000Z' });
    const second = lead('second', { hasOpenid: false });
    expect(decideLeadIdentity(second, first)).toMatchObject({ action: 'merge', survivorId: 'first' });
  });

  it('a pair a manager pulled apart stays apart, flagged', () => {
    const offline = lead('offline', { hasOpenid: false, createdAt: '2026-01-01T00:00:00.000Z' });
    const wechat = lead('wechat', { isPhoneVerified: true });
    expect(decideLeadIdentity(wechat, offline, { isMergeReversed: true })).toEqual({
      action: 'flag',
      leadId: 'wechat',
      duplicateOfLeadId: 'offline',
      reason: 'merge-reversed',
    });
  });

  it('never acts on one lead, or on a lead that is erased or merged already', () => {
    expect(decideLeadIdentity(lead('a'), lead('a'))).toEqual({ action: 'none', reason: 'same-lead' });
    expect(decideLeadIdentity(lead('a'), lead('b', { isLive: false }))).toEqual({ action: 'none', reason: 'not-live' });
  });

  it('is symmetric, and a merge always keeps a WeChat account over an offline lead', () => {
    fc.assert(
      fc.property(factsArb, factsArb, (a, b) => {
        const decision = decideLeadIdentity(a, b);
        expect(decideLeadIdentity(b, a)).toEqual(decision);
        if (decision.action === 'merge') {
          const absorbed = decision.absorbedId === a.id ? a : b;
          const survivor = decision.survivorId === a.id ? a : b;
          expect(absorbed.hasOpenid).toBe(false);
          if (survivor.hasOpenid) expect(survivor.isPhoneVerified).toBe(true);
        }
        if (decision.action === 'flag') {
          const newer = decision.leadId === a.id ? a : b;
          const older = newer === a ? b : a;
          expect(Date.parse(newer.createdAt)).toBeGreaterThanOrEqual(Date.parse(older.createdAt));
        }
        if (a.id !== b.id && a.isLive && b.isLive) expect(decision.action).not.toBe('none');
      }),
    );
  });
});
