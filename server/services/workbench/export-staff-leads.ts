/**
 * `GET /api/staff/leads/export.csv` (issue 9 §5): the list's filters, every page, as CSV for Excel
 * (UTF-8 with a byte-order mark, which Excel needs to read Chinese). Phones are masked unless the
 * manager asks for full numbers; either way the export is written to the audit log (SPEC §4).
 * Written with csv-stringify (quoting per RFC 4180).
 */
import { type ExportStaffLeadsQuery, maskPhone } from '@scrm/shared';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../context.js';
import { insertAuditEntry } from '../../db/queries/staff-actions.js';
import { buildLeadListQuery, type LeadListCursor } from '../../db/queries/staff-leads.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { assertViewAllowed } from './list-staff-leads.js';
import { toStaffLeadListItem } from './staff-lead-view.js';

const PAGE = 1000;
/** A spreadsheet, not a backup: the cap keeps one request inside a serverless function's time. */
export const MAX_EXPORT_ROWS = 50_000;

const HEADER = [
  '姓名',
  '手机号',
  '阶段',
  '阶段编号',
  '购买阶段',
  '评分',
  '顾问',
  '接单截止',
  '来源',
  '最近活动',
  '创建时间',
];

export async function exportStaffLeads(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { access: StaffAccess; query: ExportStaffLeadsQuery },
): Promise<string> {
  const { access, query } = options;
  assertViewAllowed(access, query.view);
  const now = ctx.now();
  const lines: string[][] = [];
  let after: LeadListCursor | undefined;
  while (lines.length < MAX_EXPORT_ROWS) {
    const rows = await buildLeadListQuery(ctx.db, {
      visibility: access,
      filters: query,
      ...(after ? { after } : {}),
      limit: Math.min(PAGE, MAX_EXPORT_ROWS - lines.length),
      now,
    });
    for (const { lead, ownerName } of rows) {
      const item = toStaffLeadListItem(lead, ownerName, now);
      const phone = lead.phone && !query.fullPhones ? maskPhone(lead.phone) : (lead.phone ?? '');
      lines.push([
        item.name ?? '',
        phone,
        item.stageLabel,
        item.stageCode,
        item.journeyLabel,
        String(item.score),
        item.owner?.name ?? '',
        item.slaDueAt ?? '',
        item.source ?? '',
        item.lastActivityAt ?? '',
        item.createdAt,
      ]);
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = { score: last.lead.scoreTotal, rankAt: last.rankAt, id: last.lead.id };
  }
  await insertAuditEntry(ctx.db, {
    staffId: access.staffId,
    action: query.fullPhones ? 'export_full_phones' : 'export_masked',
    detail: { filters: query, rows: lines.length },
    at: now,
  });
  return `\uFEFF${stringify([HEADER, ...lines])}`;
}
