/**
 * Leads and signals for the tests of the lead's one domain path (`advanceLead`): a fair-imported
 * parent, reads and downloads at a given hour, staff signals, and an arbitrary of the prospect's
 * signals. Test code, not domain rules (left out of mutation testing by its name).
 */
import fc from 'fast-check';
import type { TouchpointEvent } from '../events/touchpoint.js';
import { DEFAULT_JOURNEY_MODEL } from '../journey/journey-state.js';
import { formatStageOrdinal } from '../lifecycle/stages.js';
import { DEFAULT_SCORING_MODEL } from '../scoring/default-model.js';
import { leadProfileSchema } from '../scoring/lead-profile.js';
import type { AdvanceLeadResult, LeadSignal } from './advance-lead.js';
import { createLeadState, type LeadDomainState } from './lead-state.js';
import type { StaffSignal } from './staff-signal.js';

export const model = DEFAULT_SCORING_MODEL;
export const journeyModel = DEFAULT_JOURNEY_MODEL;
export const t0 = Date.UTC(2026, 2, 2, 1);
export const HOUR = 3_600_000;
export const at = (hours: number) => new Date(t0 + hours * HOUR);
let counter = 0;
/** A fresh uuid-shaped id, unique within the test process. */
export const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
export const CONTENT = id();
export const ADVISOR = id();

export function view(hours: number, contentStage: LeadSignal['contentStage'], minutes = 3): LeadSignal {
  const signal: TouchpointEvent = {
    id: id(),
    type: 'content_view',
    occurredAt: at(hours).toISOString(),
    contentId: CONTENT,
    props: { durationMs: minutes * 60_000 },
  };
  return { signal, contentStage };
}

export function download(hours: number, contentStage: LeadSignal['contentStage']): LeadSignal {
  const signal: TouchpointEvent = {
    id: id(),
    type: 'content_download',
    occurredAt: at(hours).toISOString(),
    contentId: CONTENT,
    props: {},
  };
  return { signal, contentStage };
}

export const fairProfile = leadProfileSchema.parse({ role: 'parent', gradeBand: 'primary', timeline: 'within_1_year' });

export function fairLead(): LeadDomainState {
  return createLeadState({ at: at(0).toISOString(), model, profile: fairProfile, stage: 'name', source: 'fair' }).state;
}

export const stagesOf = (r: AdvanceLeadResult) =>
  r.lifecycleTransitions.map((t) => formatStageOrdinal(t.to, t.ordinal));
export const iso = (hours: number) => at(hours).toISOString();

export function staff(hours: number, type: StaffSignal['type'], over: Partial<StaffSignal> = {}): LeadSignal {
  const base = { id: id(), occurredAt: iso(hours), advisorId: ADVISOR };
  const signal: StaffSignal =
    type === 'lead_assigned'
      ? { ...base, type, assignment: 'routed' }
      : type === 'lead_accepted'
        ? { ...base, type, hasBookedTrial: false }
        : { ...base, type };
  return { signal: { ...signal, ...over } as StaffSignal };
}

export const returnSignal = (hours: number): LeadSignal => ({
  signal: { id: id(), type: 'advisor_return', occurredAt: iso(hours), advisorId: ADVISOR },
});
export const consult = (hours: number): TouchpointEvent => ({
  id: id(),
  type: 'consultation_request',
  occurredAt: iso(hours),
  props: {},
});
export const touch = (hours: number, type: 'page_view' | 'trial_booked'): LeadSignal => ({
  signal: (type === 'page_view'
    ? { id: id(), type, occurredAt: iso(hours), props: { page: '/pages/index/index' } }
    : { id: id(), type, occurredAt: iso(hours), props: { sessionId: CONTENT } }) as TouchpointEvent,
});

/** Up to 25 of the prospect's signals over 60 days: reads and downloads of any stage, consultations, unsubscribes. */
export const signalArb = fc
  .array(
    fc.record({
      hours: fc.integer({ min: 1, max: 24 * 60 }),
      kind: fc.constantFrom('view', 'download', 'consult', 'unsubscribe'),
      stage: fc.constantFrom('exploring', 'considering', 'preferring') as fc.Arbitrary<LeadSignal['contentStage']>,
    }),
    { maxLength: 25 },
  )
  .map((items) =>
    items.map(({ hours, kind, stage }): LeadSignal => {
      if (kind === 'view') return view(hours, stage);
      if (kind === 'download') return download(hours, stage);
      const type = kind === 'consult' ? 'consultation_request' : 'unsubscribe';
      return { signal: { id: id(), type, occurredAt: at(hours).toISOString(), props: {} } as TouchpointEvent };
    }),
  );
