/**
 * A lead's touchpoint timeline (issue 9 §3), newest first, a keyset page at a time, with content
 * titles resolved. `GET /api/staff/leads/:id/timeline`; the lead page's first page comes with it.
 */
import { type LeadTimelineResponse, STAFF_MESSAGES } from '@scrm/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { listTimelineRows } from '../../db/queries/lead-timeline.js';
import { findVisibleLead } from '../../db/queries/staff-leads.js';
import { AppError } from '../../http/app-error.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { toTimelineItem } from './timeline-title.js';

const cursorSchema = z.tuple([z.string().min(1).max(64), z.uuid()]);

export async function readTimelinePage(
  db: Database,
  input: { leadId: string; cursor?: string; limit: number },
): Promise<LeadTimelineResponse> {
  const key = decodeCursor(input.cursor, cursorSchema);
  const rows = await listTimelineRows(db, {
    leadId: input.leadId,
    ...(key ? { after: { at: key[0], id: key[1] } } : {}),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toTimelineItem(r.touchpoint, r.contentTitle)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.atText, last.touchpoint.id]) : null,
  };
}

export async function listLeadTimeline(
  ctx: Pick<AppContext, 'db'>,
  options: { access: StaffAccess; leadId: string; cursor?: string; limit: number },
): Promise<LeadTimelineResponse> {
  if (!(await findVisibleLead(ctx.db, options.leadId, options.access))) {
    throw new AppError('not_found', `Lead ${options.leadId} not visible`, { userMessage: STAFF_MESSAGES.leadNotFound });
  }
  return readTimelinePage(ctx.db, options);
}
