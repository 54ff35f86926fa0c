import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestStaff,
  getTestDatabase,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { buildLeadListQuery, type LeadListFilters, type LeadVisibility } from './staff-leads.js';

/**
 * Issue 9 §3 "fast on 100k leads": the workbench's list queries are read by an index in rank
 * order, never by a sequential scan of `leads`. 100,000 leads over 3 campuses and 30 advisors (a
 * third in the pool, a few without a phone), analysed, then every view's query is EXPLAINed on
 * the database in use (PGlite by default, PostgreSQL with DATABASE_URL), first page and next page.
 */
const LEADS = 100_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

describe('the lead list on 100k leads (issue 9 §3)', () => {
  let t: TestApp;
  let views: [string, LeadVisibility, LeadListFilters][];

  beforeAll(async () => {
    t = await createTestApp();
    const campuses = [await createTestCampus(t), await createTestCampus(t), await createTestCampus(t)];
    const staff = [];
    for (let i = 0; i < 30; i++) staff.push(await createTestStaff(t, { campusIds: [campuses[i % 3]?.id ?? ''] }));
    const ids = sql.raw(`array[${staff.map((s) => `'${s.id}'::uuid`).join(',')}]`);
    const campusIds = sql.raw(`array[${campuses.map((c) => `'${c.id}'::uuid`).join(',')}]`);
    await t.db.execute(sql`
      insert into leads (name, phone, campus_id, owner_advisor_id, owner_accepted_at, sla_due_at, score_total,
                         lifecycle_stage, journey_stage, last_activity_at, created_at)
      select '学员' || n,
             case when n % 50 = 0 then null else '139' || lpad(n::text, 8, '0') end,
             (${campusIds})[1 + n % 3],
             case when n % 3 = 0 then null else (${ids})[1 + n % 30] end,
             case when n % 3 = 1 then now() end,
             case when n % 3 = 2 then now() - interval '1 hour' * (n % 7 - 3) end,
             (n * 7919 % 1000) / 10.0,
             (array['engaged','target','mql','sql'])[1 + n % 4],
             (array['exploring','considering','preferring'])[1 + n % 3],
             case when n % 5 = 0 then null else now() - interval '1 minute' * (n % 10000) end,
             now() - interval '1 second' * n
      from generate_series(1, ${LEADS}) as n`);
    await t.db.execute(sql`analyze leads`);
    const advisor = staff[0] as (typeof staff)[number];
    const ownCampus = [campuses[0]?.id ?? ''];
    views = [
      ['mine', { staffId: advisor.id, scope: 'own_leads_and_campus_pool', campusIds: ownCampus }, { view: 'mine' }],
      ['pool', { staffId: advisor.id, scope: 'own_leads_and_campus_pool', campusIds: ownCampus }, { view: 'pool' }],
      [
        'overdue',
        { staffId: advisor.id, scope: 'own_leads_and_campus_pool', campusIds: ownCampus },
        { view: 'overdue' },
      ],
      ['team of a campus', { staffId: advisor.id, scope: 'campus', campusIds: ownCampus }, { view: 'team' }],
      ['team of the institution', { staffId: advisor.id, scope: 'campus', campusIds: 'all' }, { view: 'team' }],
      [
        'pool filtered by stage',
        { staffId: advisor.id, scope: 'campus', campusIds: 'all' },
        { view: 'pool', stage: 'mql' },
      ],
    ];
  }, 300_000);

  async function explain(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<PlanNode[]> {
    const { sql: text, params } = query.toSQL();
    const { handle } = await getTestDatabase();
    const statement = `explain (format json) ${text}`;
    const result =
      handle.kind === 'pglite'
        ? await handle.client.query(statement, params)
        : await handle.client.query(statement, params as unknown[]);
    const rows = result.rows as Record<string, unknown>[];
    const cell = rows[0]?.['QUERY PLAN'];
    const document = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
    return flatten((document[0] as { Plan: PlanNode }).Plan);
  }

  it('every view reads leads through a rank index, first page and next page, never a sequential scan', async () => {
    const now = new Date();
    const plans: Record<string, string[]> = {};
    for (const [name, visibility, filters] of views) {
      const first = buildLeadListQuery(t.db, { visibility, filters, limit: 21, now });
      const rows = await first;
      const last = rows.at(-1);
      const next = last
        ? buildLeadListQuery(t.db, {
            visibility,
            filters,
            after: { score: last.lead.scoreTotal, rankAt: last.rankAt, id: last.lead.id },
            limit: 21,
            now,
          })
        : first;
      for (const [page, query] of [['first', first] as const, ['next', next] as const]) {
        const nodes = (await explain(query)).filter((n) => n['Relation Name'] === 'leads');
        plans[`${name} (${page})`] = nodes.map(
          (n) => `${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ''}`,
        );
      }
    }
    for (const [name, nodes] of Object.entries(plans)) {
      expect({ name, nodes }).toEqual({
        name,
        nodes: expect.not.arrayContaining([expect.stringMatching(/^Seq Scan/)]),
      });
    }
    expect(plans['mine (first)']).toEqual(['Index Scan leads_owner_rank_idx']);
    expect(plans['mine (next)']).toEqual(['Index Scan leads_owner_rank_idx']);
    expect(plans['pool (first)']).toEqual(['Index Scan leads_pool_rank_idx']);
    expect(plans['team of the institution (first)']).toEqual(['Index Scan leads_contact_rank_idx']);
  }, 120_000);
});
