import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseAdvisor,
  findAssignmentBlocker,
  getRoutingPoolKey,
  type RoutableLead,
  type RoutingAdvisor,
} from './choose-advisor.js';

const CAMPUSES = ['c1', 'c2'];
const COURSES = ['ielts', 'toefl', 'math'];

const advisorArb: fc.Arbitrary<RoutingAdvisor> = fc.record({
  id: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5', 'a6'),
  campusId: fc.constantFrom(...CAMPUSES),
  courseIds: fc.subarray(COURSES),
  capacity: fc.integer({ min: 0, max: 4 }),
  openLeadCount: fc.integer({ min: 0, max: 4 }),
  isActive: fc.boolean(),
});
const advisorsArb = fc.uniqueArray(advisorArb, { selector: (a) => a.id, maxLength: 6 });
const leadArb: fc.Arbitrary<RoutableLead> = fc.record(
  {
    id: fc.uuid(),
    campusId: fc.constantFrom(...CAMPUSES),
    courseId: fc.constantFrom(...COURSES),
  },
  { requiredKeys: ['id'] },
);
const cursorArb = fc.dictionary(fc.constantFrom('campus:c1:course:ielts', 'campus:c2:course:any'), fc.string());

/** Routes leads one by one, counting each assignment against the advisor's capacity. */
function routeAll(leads: RoutableLead[], advisors: RoutingAdvisor[]) {
  let pool = advisors.map((a) => ({ ...a }));
  let cursor = {};
  const picks: (string | null)[] = [];
  for (const lead of leads) {
    const choice = chooseAdvisor({ lead, advisors: pool, cursor });
    cursor = choice.cursor;
    picks.push(choice.advisorId);
    pool = pool.map((a) => (a.id === choice.advisorId ? { ...a, openLeadCount: a.openLeadCount + 1 } : a));
  }
  return { picks, advisors: pool };
}

describe('chooseAdvisor', () => {
  it('is deterministic: same input, same output, whatever order the advisors come in', () => {
    fc.assert(
      fc.property(leadArb, advisorsArb, cursorArb, (lead, advisors, cursor) => {
        const a = chooseAdvisor({ lead, advisors, cursor });
        expect(chooseAdvisor({ lead, advisors, cursor })).toEqual(a);
        expect(chooseAdvisor({ lead, advisors: [...advisors].reverse(), cursor })).toEqual(a);
      }),
    );
  });

  it('picks only an active advisor of the lead campus who sells its course and has room', () => {
    fc.assert(
      fc.property(leadArb, advisorsArb, cursorArb, (lead, advisors, cursor) => {
        const choice = chooseAdvisor({ lead, advisors, cursor });
        const eligible = advisors.filter((a) => findAssignmentBlocker(lead, a) === null);
        if (choice.advisorId === null) {
          expect(eligible).toEqual([]);
          expect(choice.cursor).toBe(cursor);
          return;
        }
        const advisor = advisors.find((a) => a.id === choice.advisorId);
        expect(advisor?.isActive).toBe(true);
        expect(advisor?.campusId).toBe(lead.campusId);
        if (lead.courseId && advisor?.courseIds.length) expect(advisor.courseIds).toContain(lead.courseId);
        expect(advisor?.openLeadCount).toBeLessThan(advisor?.capacity ?? 0);
        expect(choice.cursor[choice.poolKey]).toBe(choice.advisorId);
      }),
    );
  });

  it('never assigns beyond capacity however many leads arrive', () => {
    fc.assert(
      fc.property(fc.array(leadArb, { maxLength: 40 }), advisorsArb, (leads, advisors) => {
        const { picks, advisors: after } = routeAll(leads, advisors);
        for (const advisor of after) {
          const before = advisors.find((a) => a.id === advisor.id) as RoutingAdvisor;
          const got = picks.filter((p) => p === advisor.id).length;
          expect(advisor.openLeadCount).toBe(before.openLeadCount + got);
          if (got > 0) expect(advisor.openLeadCount).toBeLessThanOrEqual(advisor.capacity);
        }
      }),
    );
  });

  it('round-robin spreads a pool evenly: counts differ by at most one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 60 }),
        (ids, count) => {
          const advisors = ids.map((id) => ({
            id,
            campusId: 'c1',
            courseIds: ['ielts'],
            capacity: 1000,
            openLeadCount: 0,
            isActive: true,
          }));
          const leads = Array.from({ length: count }, (_, i) => ({ id: `l${i}`, campusId: 'c1', courseId: 'ielts' }));
          const { picks } = routeAll(leads, advisors);
          const counts = ids.map((id) => picks.filter((p) => p === id).length);
          expect(counts.reduce((s, n) => s + n, 0)).toBe(count);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('continues the rotation after the cursor, skipping full and excluded advisors', () => {
    const base = { campusId: 'c1', courseIds: [], capacity: 2, openLeadCount: 0, isActive: true };
    const advisors = [
      { ...base, id: 'b' },
      { ...base, id: 'd', openLeadCount: 2 },
      { ...base, id: 'a' },
      { ...base, id: 'c' },
    ];
    const lead = { id: 'l1', campusId: 'c1', courseId: 'ielts' };
    const key = 'campus:c1:course:ielts';
    expect(chooseAdvisor({ lead, advisors, cursor: { [key]: 'b' } }).advisorId).toBe('c');
    expect(chooseAdvisor({ lead, advisors, cursor: { [key]: 'c' } }).advisorId).toBe('a');
    expect(chooseAdvisor({ lead, advisors, cursor: { [key]: 'b' }, excludeAdvisorIds: ['c'] }).advisorId).toBe('a');
    // The advisor the cursor names may have left: the rotation goes on from where it was.
    expect(chooseAdvisor({ lead, advisors, cursor: { [key]: 'bb' } }).advisorId).toBe('c');
  });

  it('says why when nobody can take the lead', () => {
    const advisor = { id: 'a', campusId: 'c1', courseIds: ['math'], capacity: 1, openLeadCount: 1, isActive: true };
    const choose = (lead: RoutableLead, advisors: RoutingAdvisor[]) => chooseAdvisor({ lead, advisors, cursor: {} });
    expect(choose({ id: 'l' }, [advisor])).toEqual({
      advisorId: null,
      poolKey: null,
      cursor: {},
      reason: 'no_campus',
      detail: 'lead l has no campus',
    });
    expect(choose({ id: 'l', campusId: 'c1', courseId: 'ielts' }, [advisor])).toEqual({
      advisorId: null,
      poolKey: 'campus:c1:course:ielts',
      cursor: {},
      reason: 'no_matching_advisor',
      detail: 'no advisor serves campus:c1:course:ielts',
    });
    expect(choose({ id: 'l', campusId: 'c1', courseId: 'math' }, [advisor, { ...advisor, id: 'b' }])).toEqual({
      advisorId: null,
      poolKey: 'campus:c1:course:math',
      cursor: {},
      reason: 'advisors_at_capacity',
      detail: 'all 2 advisors of campus:c1:course:math are full',
    });
    expect(findAssignmentBlocker({ id: 'l', campusId: 'c2' }, advisor)).toBe('other_campus');
    expect(findAssignmentBlocker({ id: 'l', campusId: 'c1' }, { ...advisor, isActive: false })).toBe('inactive');
    expect(findAssignmentBlocker({ id: 'l', campusId: 'c1', courseId: 'ielts' }, advisor)).toBe('other_course');
    expect(findAssignmentBlocker({ id: 'l', campusId: 'c1', courseId: 'math' }, advisor)).toBe('at_capacity');
  });

  it('a lead that has not chosen a course can go to any advisor of its campus, specialists too', () => {
    const specialist = { id: 'a', campusId: 'c1', courseIds: ['math'], capacity: 1, openLeadCount: 0, isActive: true };
    expect(findAssignmentBlocker({ id: 'l', campusId: 'c1' }, specialist)).toBeNull();
    // A generalist (no courses listed) sells every course of the campus.
    expect(
      findAssignmentBlocker({ id: 'l', campusId: 'c1', courseId: 'ielts' }, { ...specialist, courseIds: [] }),
    ).toBeNull();
  });

  it('names a pool by campus and course, `any` without a course (the key the server stores the cursor under)', () => {
    expect(getRoutingPoolKey('c1', 'ielts')).toBe('campus:c1:course:ielts');
    expect(getRoutingPoolKey('c1', undefined)).toBe('campus:c1:course:any');
  });

  it('rotates through advisors in id order whatever order they are passed in, with the seat count in the detail', () => {
    const ids = ['e', 'b', 'd', 'a', 'c'];
    const advisors = ids.map((id) => ({
      id,
      campusId: 'c1',
      courseIds: [],
      capacity: 9,
      openLeadCount: 0,
      isActive: true,
    }));
    const leads = Array.from({ length: 7 }, (_, i) => ({ id: `l${i}`, campusId: 'c1' }));
    expect(routeAll(leads, advisors).picks).toEqual(['a', 'b', 'c', 'd', 'e', 'a', 'b']);
    const first = chooseAdvisor({ lead: { id: 'l', campusId: 'c1' }, advisors, cursor: { x: 'y' } });
    expect(first).toEqual({
      advisorId: 'a',
      poolKey: 'campus:c1:course:any',
      cursor: { x: 'y', 'campus:c1:course:any': 'a' },
      detail: 'round-robin in campus:c1:course:any: a (1/9)',
    });
  });
});
