/**
 * `GET /api/staff/leads` (issue 9 §3): the ranked list of a tab (mine, pool, overdue, a manager's
 * team) within the caller's scope, filtered, a keyset page at a time. One indexed query per page
 * (`db/queries/staff-leads.ts`), owner names joined in.
 */
import type { ListStaffLeadsQuery, ListStaffLeadsResponse } from '@scrm/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { buildLeadListQuery } from '../../db/queries/staff-leads.js';
import { AppError } from '../../http/app-error.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { toStaffLeadListItem } from './staff-lead-view.js';

const cursorSchema = z.tuple([z.number(), z.string().min(1).max(64), z.uuid()]);

/** Advisors see their own and their campuses' pool; the team view is a manager's. */
export function assertViewAllowed(access: StaffAccess, view: ListStaffLeadsQuery['view']): void {
  if (view === 'team' && access.role !== 'manager') {
    throw new AppError('forbidden', 'The team view is for managers', { userMessage: '只有主管可以查看团队线索' });
  }
}

export async function listStaffLeads(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { access: StaffAccess; query: ListStaffLeadsQuery },
): Promise<ListStaffLeadsResponse> {
  const { access, query } = options;
  assertViewAllowed(access, query.view);
  const key = decodeCursor(query.cursor, cursorSchema);
  const now = ctx.now();
  const rows = await buildLeadListQuery(ctx.db, {
    visibility: access,
    filters: query,
    ...(key ? { after: { score: key[0], rankAt: key[1], id: key[2] } } : {}),
    limit: query.limit + 1,
    now,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toStaffLeadListItem(r.lead, r.ownerName, now)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.lead.scoreTotal, last.rankAt, last.lead.id]) : null,
  };
}
