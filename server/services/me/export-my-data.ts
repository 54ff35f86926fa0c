/**
 * `GET /api/me/export`: everything stored about the prospect (SPEC §4 "export their data"),
 * generated from the one declaration of what is stored per person (server/db/personal-data.ts,
 * issue 8 item 7): every section, every exported column, and the columns left out with why.
 * Times are ISO 8601. Leads merged into this one are the same person and are included (ADR 010).
 */
import { EXPORT_SECTIONS, type ExportMyDataResponse, type ExportSection } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { PERSONAL_DATA } from '../../db/personal-data.js';
import { findLeadById } from '../../db/queries/leads.js';
import { listAbsorbedLeadIds, readPersonalRows } from '../../db/queries/personal-data.js';
import { assertLiveLead } from '../leads/lead-guards.js';

/** A row as JSON: dates as ISO strings, everything else as stored. */
function toExportRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

/** Per section, the columns not exported and why. */
function listOmitted(): Record<string, Record<string, string>> {
  const omitted: Record<string, Record<string, string>> = {};
  for (const section of EXPORT_SECTIONS) {
    for (const [column, policy] of Object.entries(PERSONAL_DATA[section].columns)) {
      if (policy !== 'export') omitted[section] = { ...omitted[section], [column]: policy.notPersonal };
    }
  }
  return omitted;
}

export async function exportMyData(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { leadId: string },
): Promise<ExportMyDataResponse> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const lead = await findLeadById(tx, options.leadId);
    assertLiveLead(lead, options.leadId);
    const absorbed = await listAbsorbedLeadIds(tx, lead.id);
    const leadIdsOf = { self: [lead.id], absorbed, person: [lead.id, ...absorbed] } as const;
    const sections = await Promise.all(
      EXPORT_SECTIONS.map(async (section): Promise<[ExportSection, Record<string, unknown>[]]> => {
        const entry = PERSONAL_DATA[section];
        const rows = await readPersonalRows(tx, entry, leadIdsOf[entry.rowsOf]);
        return [section, rows.map(toExportRow)];
      }),
    );
    const { lead: [self] = [], ...lists } = Object.fromEntries(sections) as Record<
      ExportSection,
      Record<string, unknown>[]
    >;
    if (!self) throw new Error(`lead ${lead.id} vanished during its export`);
    return { exportedAt: now.toISOString(), lead: self, ...lists, omitted: listOmitted() };
  });
}
