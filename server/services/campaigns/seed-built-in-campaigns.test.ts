import { BUILT_IN_CAMPAIGNS, parseCampaignDocument } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/index.js';
import { campaigns } from '../../db/schema/index.js';
import { seedBuiltInCampaigns } from './seed-built-in-campaigns.js';

describe('built-in tracks on an installation', () => {
  it('copies every track once as a valid draft; a second run leaves them (and their edits) alone', async () => {
    const t = await createTestApp();
    expect(await seedBuiltInCampaigns(t.db, { status: 'draft', now: t.clock.now() })).toBe(BUILT_IN_CAMPAIGNS.length);
    expect(await seedBuiltInCampaigns(t.db, { status: 'draft', now: t.clock.now() })).toBe(0);
    const rows = await t.db.select().from(campaigns);
    expect(rows.map((r) => r.builtInKey).sort()).toEqual(BUILT_IN_CAMPAIGNS.map((d) => d.key).sort());
    for (const row of rows) {
      expect(row.status).toBe('draft');
      expect(parseCampaignDocument(row.document).key).toBe(row.key);
    }
  });
});
