import { randomUUID } from 'node:crypto';
import type { CreateBookingResponse, ListMyBookingsResponse, ListTrialSessionsResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createRegisteredProspects,
  createTestApp,
  createTestCatalog,
  expectError,
  logInAs,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { bookings, leads, touchpoints, trialSessions } from '../../db/schema/index.js';

async function setup(capacity = 10) {
  const t = await createTestApp();
  const { campus, course } = await createTestCatalog(t);
  const startsAt = new Date(t.clock.now().getTime() + 3 * 86_400_000);
  const [session] = await t.db
    .insert(trialSessions)
    .values({ courseId: course.id, campusId: campus.id, title: '雅思试听', startsAt, capacity })
    .returning();
  if (!session) throw new Error('setup failed');
  return { t, session };
}

const book = (t: TestApp, token: string | null, sessionId: unknown) =>
  t.request<CreateBookingResponse>('/api/bookings', {
    method: 'POST',
    json: { sessionId },
    ...(token ? { token } : {}),
  });

const seatsTaken = async (t: TestApp, id: string) =>
  (await t.db.select().from(trialSessions).where(eq(trialSessions.id, id)))[0]?.seatsTaken;

describe('trial bookings', () => {
  it('books a seat, records trial_booked and lists it under me; the booking engages the lead but is no opportunity until an advisor accepts it', async () => {
    const { t, session } = await setup();
    const [me] = await createRegisteredProspects(t, 1);
    if (!me) throw new Error('no prospect');
    const res = await book(t, me.token, session.id);
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ status: 'booked', session: { id: session.id, seatsLeft: 9 } });
    const [lead] = await t.db.select().from(leads).where(eq(leads.id, me.leadId));
    // Issue 9 §7: a trial booking no longer skips MQL, SQL and the advisor.
    expect(lead).toMatchObject({ lifecycleStage: 'engaged', journeyStage: 'preferring' });
    const events = await t.db.select().from(touchpoints).where(eq(touchpoints.leadId, me.leadId));
    expect(events.map((e) => e.type)).toEqual(['trial_booked']);
    const mine = await t.request<ListMyBookingsResponse>('/api/me/bookings', { token: me.token });
    expect(mine.body.bookings.map((b) => b.id)).toEqual([res.body.booking.id]);
    const list = await t.request<ListTrialSessionsResponse>('/api/trial-sessions');
    expect(list.body.sessions).toEqual([expect.objectContaining({ id: session.id, seatsLeft: 9, isFull: false })]);
    // The booking sheet shows where to go before the prospect commits (issue 14).
    expect(list.body.sessions[0]?.campus).toMatchObject({ name: '上海徐汇校区', address: '漕溪北路 1 号' });
  });

  it('50 concurrent bookings for 10 seats: exactly 10 succeed, 40 get 409', async () => {
    const { t, session } = await setup(10);
    const prospects = await createRegisteredProspects(t, 50);
    const replies = await Promise.all(prospects.map((p) => book(t, p.token, session.id)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = replies.filter((r) => r.status === 409);
    expect(refused).toHaveLength(40);
    const [firstRefused] = refused;
    if (!firstRefused) throw new Error('no refusal');
    expect(expectError(firstRefused, 409, 'conflict').userMessage).toBe('该场次已满');
    expect(await seatsTaken(t, session.id)).toBe(10);
    expect(await t.db.select().from(bookings).where(eq(bookings.sessionId, session.id))).toHaveLength(10);
  });

  it('one prospect firing 5 bookings of one session at once gets one seat', async () => {
    const { t, session } = await setup();
    const [me] = await createRegisteredProspects(t, 1);
    const replies = await Promise.all(Array.from({ length: 5 }, () => book(t, me?.token ?? '', session.id)));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await seatsTaken(t, session.id)).toBe(1);
  });

  it('cancel frees the seat, is idempotent, and hides other people’s bookings', async () => {
    const { t, session } = await setup(1);
    const [me, other] = await createRegisteredProspects(t, 2);
    if (!me || !other) throw new Error('no prospects');
    const { body } = await book(t, me.token, session.id);
    expectError(await book(t, other.token, session.id), 409, 'conflict');
    expectError(
      await t.request(`/api/bookings/${body.booking.id}`, { method: 'DELETE', token: other.token }),
      404,
      'not_found',
    );
    const cancelled = await t.request<CreateBookingResponse>(`/api/bookings/${body.booking.id}`, {
      method: 'DELETE',
      token: me.token,
    });
    expect(cancelled.body.booking.status).toBe('cancelled');
    expect((await t.request(`/api/bookings/${body.booking.id}`, { method: 'DELETE', token: me.token })).status).toBe(
      200,
    );
    expect(await seatsTaken(t, session.id)).toBe(0);
    expect((await book(t, other.token, session.id)).status).toBe(201);
  });

  it('an unregistered prospect is asked to register (403) and nothing is written', async () => {
    const { t, session } = await setup();
    const visitor = await logInAs(t, `v${randomUUID().slice(0, 8)}`);
    const error = expectError(await book(t, visitor.token, session.id), 403, 'registration_required');
    expect(error.userMessage).toContain('登记');
    expect(await seatsTaken(t, session.id)).toBe(0);
  });

  it.each([
    ['no session id', undefined, 400],
    ['session id not a UUID', 'abc', 400],
    ['unknown session', randomUUID(), 404],
  ])('%s → %i, no seat taken', async (_label, sessionId, status) => {
    const { t, session } = await setup();
    const [me] = await createRegisteredProspects(t, 1);
    expect((await book(t, me?.token ?? '', sessionId)).status).toBe(status);
    expect(await seatsTaken(t, session.id)).toBe(0);
    expect(await t.db.select().from(bookings)).toHaveLength(0);
  });

  it('a session that has started cannot be booked', async () => {
    const { t, session } = await setup();
    t.clock.advance(4 * 86_400_000);
    const [me] = await createRegisteredProspects(t, 1);
    expectError(await book(t, me?.token ?? '', session.id), 409, 'conflict');
  });

  it('needs a token', async () => {
    const { t, session } = await setup();
    expectError(await book(t, null, session.id), 401, 'unauthenticated');
    expectError(await t.request('/api/me/bookings'), 401, 'unauthenticated');
  });
});
