/**
 * Health (issue 4 §8): round-trips to the database and the shared store and reports which
 * backends this instance runs on. A failing backend is a 503 so that a load balancer notices.
 */
import type { AppContext } from '../../context.js';
import { pingDatabase } from '../../db/queries/health.js';
import { AppError } from '../../http/app-error.js';

export interface Health {
  ok: true;
  db: AppContext['dbKind'];
  redis: AppContext['store']['kind'];
}

export async function checkHealth(ctx: Pick<AppContext, 'db' | 'dbKind' | 'store' | 'logger'>): Promise<Health> {
  try {
    await pingDatabase(ctx.db);
  } catch (error) {
    ctx.logger.error('health: database unreachable', { err: error });
    throw new AppError('service_unavailable', 'Database unreachable');
  }
  try {
    await ctx.store.ping();
  } catch (error) {
    ctx.logger.error('health: shared store unreachable', { err: error });
    throw new AppError('service_unavailable', 'Shared store unreachable');
  }
  return { ok: true, db: ctx.dbKind, redis: ctx.store.kind };
}
