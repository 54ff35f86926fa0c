import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit generates SQL migrations from the schema into `server/db/migrations/` (committed);
 * the app applies them itself (`npm run db:migrate`, `npm start`). Generating needs no database.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
  strict: true,
});
