/** The health check's database round trip (issue 4 §8). */
import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';

/** Round-trips to the database; throws when it is unreachable. */
export async function pingDatabase(db: Database): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
