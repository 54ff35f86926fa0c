/**
 * The built-in tracks on an installation (issue 13 §1): copied once, as editable drafts after a
 * deploy's migration (`npm run db:migrate`), and active in the demo (`npm start`). A track already
 * copied (by its `built_in_key`) is left as its manager edited it.
 */
import { BUILT_IN_CAMPAIGNS } from '@scrm/shared';
import type { Database } from '../../db/client.js';
import { findCampaignKeys, insertCampaign, listCampaignRows } from '../../db/queries/campaigns.js';

export async function seedBuiltInCampaigns(
  db: Database,
  options: { status: 'draft' | 'active'; now: Date },
): Promise<number> {
  return db.transaction(async (tx) => {
    const copied = new Set((await listCampaignRows(tx)).map((row) => row.builtInKey));
    const keys = await findCampaignKeys(tx);
    let created = 0;
    for (const track of BUILT_IN_CAMPAIGNS) {
      if (copied.has(track.key) || keys.has(track.key)) continue;
      await insertCampaign(tx, { document: track, builtInKey: track.key, status: options.status, now: options.now });
      created += 1;
    }
    return created;
  });
}
