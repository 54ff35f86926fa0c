/**
 * The bulk load's index deferral (the analytics bench, ADR 016 "As built"): while the load runs
 * the secondary indexes and foreign keys are gone, and afterwards the tables have exactly the
 * indexes and constraints the migrations gave them, enforced again.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/index.js';
import { selectRows } from './analytics-fold.js';
import { withIndexesDeferred } from './bulk-load.js';

const TABLES = ['leads', 'stage_transitions', 'touchpoints'];

type Executor = Parameters<typeof selectRows>[0];

/** Every index and constraint of the tables, as the catalog defines them. */
function describeTables(db: Executor) {
  return selectRows<{ name: string; def: string }>(
    db,
    sql`select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def from pg_index
        where indrelid in ('leads'::regclass, 'stage_transitions'::regclass, 'touchpoints'::regclass)
        union all
        select conname, pg_get_constraintdef(oid) from pg_constraint
        where conrelid in ('leads'::regclass, 'stage_transitions'::regclass, 'touchpoints'::regclass)
        order by 1, 2`,
  );
}

describe('withIndexesDeferred', () => {
  it('loads without the secondary indexes and foreign keys, then restores every one of them', async () => {
    const t = await createTestApp();
    const before = await describeTables(t.db);
    await t.db.transaction(async (tx) => {
      const during = await withIndexesDeferred(tx, TABLES, () => describeTables(tx));
      const names = during.map((r) => r.name);
      expect(names).toContain('leads_pkey');
      expect(names).not.toContain('touchpoints_lead_occurred_idx');
      expect(names).not.toContain('touchpoints_lead_id_leads_id_fk');
      expect(during.length).toBeLessThan(before.length);
    });
    expect(await describeTables(t.db)).toEqual(before);
    // The foreign key is enforced again: a touchpoint of no lead is refused.
    await expect(
      t.db.execute(sql`insert into touchpoints (id, lead_id, type, occurred_at, received_at)
        values (gen_random_uuid(), gen_random_uuid(), 'content_view', now(), now())`),
    ).rejects.toThrow();
  });
});
