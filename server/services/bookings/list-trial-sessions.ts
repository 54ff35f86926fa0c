/** `GET /api/trial-sessions`: upcoming sessions with seats left, by course, campus and day. */
import type { ListTrialSessionsQuery, ListTrialSessionsResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { listTrialSessionRows } from '../../db/queries/trials.js';
import { toTrialSession } from './trial-session-view.js';

/** A calendar day in Asia/Shanghai (UTC+8, no daylight saving) as a UTC interval. */
export function shanghaiDay(date: string): { from: Date; to: Date } {
  const from = new Date(`${date}T00:00:00+08:00`);
  return { from, to: new Date(from.getTime() + 86_400_000) };
}

export async function listTrialSessions(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { query: ListTrialSessionsQuery },
): Promise<ListTrialSessionsResponse> {
  const now = ctx.now();
  const day = options.query.date ? shanghaiDay(options.query.date) : null;
  const from = day && day.from > now ? day.from : now;
  const rows = await listTrialSessionRows(ctx.db, {
    from,
    ...(day ? { to: day.to } : {}),
    courseId: options.query.courseId,
    campusId: options.query.campusId,
  });
  return { sessions: rows.map(toTrialSession) };
}
