import {
  type AudiencePredicate,
  BUILT_IN_CAMPAIGNS,
  campaignDocumentSchema,
  LIFECYCLE_STAGES,
  matchesAudience,
} from '@scrm/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeTiming,
  formatDelayHours,
  formatRate,
  getCampaignActions,
  getStageRestriction,
  parseDelayHours,
  setSendHours,
  setStageRestriction,
  setStepDelay,
  setStepField,
  toggleValue,
} from './campaign-draft';

const ANCHORS = { entry: '进入活动', registered: '注册', trial_start: '试听开始' };
const welcome = campaignDocumentSchema.parse(BUILT_IN_CAMPAIGNS.find((d) => d.key === 'welcome'));
const NOT_CUSTOMER: AudiencePredicate = { not: { kind: 'lifecycle_stage', in: ['customer', 'advocate'] } };

describe('stage restrictions of the audience', () => {
  it('adds one condition beside the track’s own and reads it back', () => {
    const next = setStageRestriction(NOT_CUSTOMER, 'journey_stage', ['exploring']);
    expect(next).toEqual({ all: [NOT_CUSTOMER, { kind: 'journey_stage', in: ['exploring'] }] });
    expect(getStageRestriction(next, 'journey_stage')).toEqual(['exploring']);
    expect(getStageRestriction(next, 'lifecycle_stage')).toEqual([]);
  });
  it('replaces the restriction of the same kind and removes it when no stage is left', () => {
    const one = setStageRestriction({ all: [] }, 'lifecycle_stage', ['name']);
    const two = setStageRestriction(one, 'lifecycle_stage', ['name', 'mql']);
    expect(two).toEqual({ all: [{ kind: 'lifecycle_stage', in: ['name', 'mql'] }] });
    expect(setStageRestriction(two, 'lifecycle_stage', [])).toEqual({ all: [] });
    expect(setStageRestriction(NOT_CUSTOMER, 'lifecycle_stage', [])).toEqual(NOT_CUSTOMER);
  });
  it('keeps the document valid for the server’s schema', () => {
    const audience = setStageRestriction(welcome.audience, 'journey_stage', ['unaware', 'exploring']);
    expect(campaignDocumentSchema.safeParse({ ...welcome, audience }).success).toBe(true);
  });
  it('a restricted audience selects exactly the track’s leads in those stages (property)', () => {
    const stages = LIFECYCLE_STAGES;
    const facts = welcome.audience;
    fc.assert(
      fc.property(fc.subarray([...stages]), fc.constantFrom(...stages), (chosen, stage) => {
        const audience = setStageRestriction(facts, 'lifecycle_stage', chosen);
        const lead = { lifecycleStage: stage } as Parameters<typeof matchesAudience>[0];
        const now = new Date('2026-12-03T06:00:00Z');
        const expected = matchesAudience(lead, facts, now) && (chosen.length === 0 || chosen.includes(stage));
        expect(matchesAudience(lead, audience, now)).toBe(expected);
      }),
    );
  });
  it('toggles a chip', () => {
    expect(toggleValue(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleValue(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('step edits', () => {
  it('sets one step’s delay and one field, leaving the others', () => {
    const edited = setStepField(setStepDelay(welcome, 'week-1', 0), 'week-1', 'thing2', '欢迎！');
    expect(edited.steps[0]?.timing.offsetMinutes).toBe(0);
    expect(edited.steps[0]?.message.fields.thing2).toBe('欢迎！');
    expect(edited.steps.slice(1)).toEqual(welcome.steps.slice(1));
    expect(welcome.steps[0]?.timing.offsetMinutes).toBe(10);
  });
  it('sets the send hours', () => {
    expect(setSendHours(welcome, '00:00', '24:00').sendRules.window.sendHours).toEqual({ from: '00:00', to: '24:00' });
  });
});

describe('formatters', () => {
  it('describes a step’s timing', () => {
    expect(describeTiming({ anchor: 'entry', offsetMinutes: 10 }, ANCHORS)).toBe('进入活动后 10 分钟');
    expect(describeTiming({ anchor: 'registered', offsetMinutes: 7 * 1440 }, ANCHORS)).toBe('注册后 7 天');
    expect(describeTiming({ anchor: 'trial_start', offsetMinutes: -1560 }, ANCHORS)).toBe('试听开始前 1 天 2 小时');
    expect(describeTiming({ anchor: 'entry', offsetMinutes: 0 }, ANCHORS)).toBe('进入活动时');
  });
  it('reads and writes a delay in hours', () => {
    expect(parseDelayHours(' 0.5 ')).toBe(30);
    expect(parseDelayHours('168')).toBe(10_080);
    expect(parseDelayHours('-24')).toBe(-1440);
    expect(parseDelayHours('一天')).toBeNull();
    expect(parseDelayHours('')).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: -43_200, max: 525_600 }), (m) => {
        expect(parseDelayHours(formatDelayHours(m))).toBeCloseTo(m, -1);
      }),
    );
  });
  it('formats a click rate', () => {
    expect(formatRate(1, 8)).toBe('12.5%');
    expect(formatRate(0, 3)).toBe('0%');
    expect(formatRate(0, 0)).toBe('—');
  });
});

describe('getCampaignActions', () => {
  it('offers only the moves the server allows, archive last, nothing once archived', () => {
    expect(getCampaignActions('draft')).toEqual(['activate', 'archive']);
    expect(getCampaignActions('active')).toEqual(['pause', 'archive']);
    expect(getCampaignActions('paused')).toEqual(['resume', 'archive']);
    expect(getCampaignActions('archived')).toEqual([]);
  });
});
