import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAssignmentBlocker, type RoutingAdvisor } from './choose-advisor.js';
import { type ReassignableLead, reassignAdvisorLeads } from './reassign-leads.js';

const LEAVING = 'a0';
const advisorArb: fc.Arbitrary<RoutingAdvisor> = fc.record({
  id: fc.constantFrom(LEAVING, 'a1', 'a2', 'a3', 'a4'),
  campusId: fc.constantFrom('c1', 'c2'),
  courseIds: fc.subarray(['ielts', 'math']),
  capacity: fc.integer({ min: 0, max: 5 }),
  openLeadCount: fc.integer({ min: 0, max: 5 }),
  isActive: fc.boolean(),
});
const leadArb: fc.Arbitrary<ReassignableLead> = fc.record(
  {
    id: fc.uuid(),
    campusId: fc.constantFrom('c1', 'c2'),
    courseId: fc.constantFrom('ielts', 'math'),
    score: fc.integer({ min: 0, max: 100 }),
  },
  { requiredKeys: ['id'] },
);
const inputArb = fc.record({
  advisors: fc.uniqueArray(advisorArb, { selector: (a) => a.id, maxLength: 5 }),
  leads: fc.uniqueArray(leadArb, { selector: (l) => l.id, maxLength: 25 }),
});

describe('reassignAdvisorLeads', () => {
  it('places every lead once, never with the leaving advisor, within campus, course and capacity', () => {
    fc.assert(
      fc.property(inputArb, ({ advisors, leads }) => {
        const result = reassignAdvisorLeads({ leavingAdvisorId: LEAVING, leads, advisors, cursor: {} });
        const placed = [...result.assigned, ...result.pooled].map((d) => d.leadId).sort();
        expect(placed).toEqual(leads.map((l) => l.id).sort());
        for (const decision of result.assigned) {
          expect(decision.advisorId).not.toBe(LEAVING);
          const lead = leads.find((l) => l.id === decision.leadId) as ReassignableLead;
          const advisor = advisors.find((a) => a.id === decision.advisorId) as RoutingAdvisor;
          expect(findAssignmentBlocker(lead, { ...advisor, openLeadCount: 0, capacity: 1 })).toBeNull();
        }
        for (const advisor of result.advisors) {
          const before = advisors.find((a) => a.id === advisor.id) as RoutingAdvisor;
          const got = result.assigned.filter((d) => d.advisorId === advisor.id).length;
          expect(advisor.openLeadCount).toBe(before.openLeadCount + got);
          if (got > 0) expect(advisor.openLeadCount).toBeLessThanOrEqual(advisor.capacity);
        }
      }),
    );
  });

  it('is deterministic whatever order the leads and advisors come in', () => {
    fc.assert(
      fc.property(inputArb, ({ advisors, leads }) => {
        const a = reassignAdvisorLeads({ leavingAdvisorId: LEAVING, leads, advisors, cursor: {} });
        const b = reassignAdvisorLeads({
          leavingAdvisorId: LEAVING,
          leads: [...leads].reverse(),
          advisors: [...advisors].reverse(),
          cursor: {},
        });
        expect(b.assigned).toEqual(a.assigned);
        expect(b.pooled).toEqual(a.pooled);
        expect(b.cursor).toEqual(a.cursor);
      }),
    );
  });

  it('gives the best-scored leads the last free seats; the rest wait in the pool', () => {
    const base = { campusId: 'c1', courseIds: [], openLeadCount: 0, isActive: true };
    const advisors = [
      { ...base, id: LEAVING, capacity: 10, openLeadCount: 3 },
      { ...base, id: 'a1', capacity: 1 },
      { ...base, id: 'a2', capacity: 1 },
    ];
    const leads = [
      { id: 'cold', campusId: 'c1', score: 10 },
      { id: 'hot', campusId: 'c1', score: 90 },
      { id: 'warm', campusId: 'c1', score: 50 },
    ];
    const result = reassignAdvisorLeads({ leavingAdvisorId: LEAVING, leads, advisors, cursor: {} });
    expect(result.assigned.map((d) => `${d.leadId}→${d.advisorId}:${d.reason}`)).toEqual([
      'hot→a1:advisor_left',
      'warm→a2:advisor_left',
    ]);
    expect(result.pooled).toEqual([expect.objectContaining({ leadId: 'cold', reason: 'advisors_at_capacity' })]);
  });

  it('places equal scores by lead id, smallest first, and a lead without a score as a score of 0', () => {
    const base = { campusId: 'c1', courseIds: [], openLeadCount: 0, isActive: true };
    const advisors = [{ ...base, id: 'a1', capacity: 1 }];
    const place = (leads: ReassignableLead[]) =>
      reassignAdvisorLeads({ leavingAdvisorId: LEAVING, leads, advisors, cursor: {} }).assigned.map((d) => d.leadId);
    expect(
      place([
        { id: 'lead-b', campusId: 'c1', score: 50 },
        { id: 'lead-a', campusId: 'c1', score: 50 },
      ]),
    ).toEqual(['lead-a']);
    expect(
      place([
        { id: 'lead-a', campusId: 'c1', score: 50 },
        { id: 'lead-b', campusId: 'c1', score: 50 },
      ]),
    ).toEqual(['lead-a']);
    expect(
      place([
        { id: 'lead-a', campusId: 'c1' },
        { id: 'lead-b', campusId: 'c1', score: 1 },
      ]),
    ).toEqual(['lead-b']);
    expect(
      place([
        { id: 'lead-a', campusId: 'c1', score: -1 },
        { id: 'lead-b', campusId: 'c1' },
      ]),
    ).toEqual(['lead-b']);
  });

  it('continues the rotation from the cursor it is given and returns where it stopped', () => {
    const base = { campusId: 'c1', courseIds: [], openLeadCount: 0, isActive: true, capacity: 5 };
    const advisors = [
      { ...base, id: 'a1' },
      { ...base, id: 'a2' },
      { ...base, id: 'a3' },
    ];
    const key = 'campus:c1:course:any';
    const result = reassignAdvisorLeads({
      leavingAdvisorId: LEAVING,
      leads: [
        { id: 'l1', campusId: 'c1', score: 2 },
        { id: 'l2', campusId: 'c1', score: 1 },
      ],
      advisors,
      cursor: { [key]: 'a1', other: 'x' },
    });
    expect(result.assigned.map((d) => `${d.leadId}→${d.advisorId}`)).toEqual(['l1→a2', 'l2→a3']);
    expect(result.cursor).toEqual({ [key]: 'a3', other: 'x' });
    expect(result.advisors.map((a) => a.openLeadCount)).toEqual([0, 1, 1]);
  });
});
