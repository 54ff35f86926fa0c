/**
 * `npm run db:migrate`: applies the migrations to the database the environment selects
 * (`DATABASE_URL`, else PGlite in `DATA_DIR`). Run it as a deploy step before serving.
 */
import { createDatabase } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { loadEnv } from '../server/env.js';
import { seedBuiltInCampaigns } from '../server/services/campaigns/seed-built-in-campaigns.js';

const env = loadEnv();
const handle = createDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await migrateDatabase(handle);
  console.log(`migrations applied (${handle.kind === 'postgres' ? 'postgres' : `pglite in ${env.DATA_DIR}`})`);
  // A new installation gets the built-in nurture tracks as drafts for its manager to edit.
  const tracks = await seedBuiltInCampaigns(handle.db, { status: 'draft', now: new Date() });
  if (tracks > 0) console.log(`built-in campaign tracks copied as drafts: ${tracks}`);
} finally {
  await handle.close();
}
