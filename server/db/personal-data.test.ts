/**
 * The declaration of what is stored per person against the drizzle schema (issue 8 item 7): every
 * table that references a lead, and every column of it, is declared, so the export cannot forget
 * a column added later.
 */
import { EXPORT_SECTIONS } from '@scrm/shared';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA } from './personal-data.js';
import * as schema from './schema/index.js';

const TABLES = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const referencesLeads = (table: PgTable) =>
  table === schema.leads ||
  getTableConfig(table).foreignKeys.some((fk) => fk.reference().foreignTable === schema.leads);

describe('what is stored per person (server/db/personal-data.ts)', () => {
  it('declares every table that holds rows about a lead', () => {
    const declared = new Set(Object.values(PERSONAL_DATA).map((entry) => getTableName(entry.table)));
    const holding = TABLES.filter(referencesLeads).map(getTableName);
    expect(holding.filter((name) => !declared.has(name))).toEqual([]);
    expect(holding.length).toBeGreaterThanOrEqual(8);
  });

  it.each(EXPORT_SECTIONS)('%s: every column is exported or not personal with a reason', (section) => {
    const entry = PERSONAL_DATA[section];
    const columns = Object.keys(getTableColumns(entry.table)).sort();
    expect(Object.keys(entry.columns).sort()).toEqual(columns);
    expect(columns).toContain(entry.leadColumn);
    expect(columns).toContain(entry.orderBy);
    for (const [column, policy] of Object.entries(entry.columns)) {
      if (policy !== 'export')
        expect({ column, reason: policy.notPersonal.length > 10 }).toEqual({ column, reason: true });
    }
  });

  it('exports what the outside test found missing: city, openid, source, attribution, the score ledger', () => {
    const exported = (section: keyof typeof PERSONAL_DATA) =>
      Object.entries(PERSONAL_DATA[section].columns)
        .filter(([, policy]) => policy === 'export')
        .map(([column]) => column);
    expect(exported('lead')).toEqual(
      expect.arrayContaining(['city', 'openid', 'source', 'sourceCampaignId', 'lifecycleStage', 'scoreTotal']),
    );
    expect(exported('touchpoints')).toEqual(expect.arrayContaining(['channel', 'campaignId', 'contentId', 'referrer']));
    expect(exported('scoreLedger')).toEqual(expect.arrayContaining(['ruleId', 'points', 'signalId']));
  });
});
