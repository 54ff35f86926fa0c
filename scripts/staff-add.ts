/**
 * `npm run staff:add -- --name NAME --role manager|advisor (--all-campuses | --campus NAME ...)`:
 * adds a staff member to the database the environment selects, by an invitation code to redeem
 * in the mini-program (default) or by binding `--openid` directly. Prints what to do next.
 */
import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '@scrm/shared';
import { createDatabase } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { loadEnv } from '../server/env.js';
import { runCli, UsageError } from './lib/cli.js';
import { addStaff } from './lib/staff-add.js';

const USAGE = `usage: npm run staff:add -- --name NAME --role manager|advisor
         (--all-campuses | --campus NAME_OR_ID [--campus …]) [--capacity N] [--openid OPENID]

  --all-campuses  an institution-wide manager (every campus, including later ones)
  --campus        a campus this person works for (repeat for several)
  --capacity      most open leads an advisor holds at once (default 50)
  --openid        bind this WeChat openid now instead of printing an invitation code`;

await runCli(USAGE, async () => {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        campus: { type: 'string', multiple: true, default: [] },
        'all-campuses': { type: 'boolean', default: false },
        capacity: { type: 'string', default: '50' },
        openid: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const role = String(values.role ?? '');
  if (!(STAFF_ROLES as readonly string[]).includes(role)) throw new UsageError('--role must be manager or advisor');
  if (typeof values.name !== 'string') throw new UsageError('--name is required');
  const capacity = Number(values.capacity);
  if (!Number.isInteger(capacity)) throw new UsageError('--capacity must be a whole number');
  const env = loadEnv();
  const handle = createDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrateDatabase(handle);
    const result = await addStaff(handle.db, {
      name: values.name,
      role: role as StaffRole,
      campuses: values.campus as string[],
      isAllCampuses: values['all-campuses'] === true,
      capacity,
      ...(typeof values.openid === 'string' ? { openid: values.openid } : {}),
      now: new Date(),
    });
    if (result.kind === 'bound') {
      process.stdout.write(`staff ${result.staffId} bound; they sign in to the mini-program as usual.\n`);
    } else {
      process.stdout.write(
        `invitation code: ${result.code} (single use, expires ${result.expiresAt})\n` +
          'They sign in to the mini-program, open 我的 → 加入工作台, and enter the code.\n',
      );
    }
  } finally {
    await handle.close();
  }
});
