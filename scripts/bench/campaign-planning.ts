/**
 * Campaign planning and dispatch (issue 13 §5, ADR 015):
 *
 * - planning one step for a whole audience (1,000,000 members; `--smoke`: 2,000) with the
 *   runner's statement (`planCampaignStep`: the facts relation, the due time, the step's deadline,
 *   `ON CONFLICT DO NOTHING`), against a bare `INSERT … SELECT` of the same rows into the outbox
 *   in the same run;
 * - the runner's dispatch rate against the local WeChat stand-in (claim with `SKIP LOCKED`, spend,
 *   send, record, `message_sent` touchpoint), against bare `subscribeMessage.send` calls at the
 *   same concurrency; with `--redis-url` both keep the access token (and the runner its cap
 *   counters) in Redis, as production does.
 *
 * Needs `--database-url`; on PGlite it prints nothing.
 */
import { parseCampaignDocument } from '@scrm/shared';
import { sql } from 'drizzle-orm';
import { createDatabase, type Database } from '../../server/db/client.js';
import { planCampaignStep } from '../../server/db/queries/campaign-planning.js';
import { parseEnv } from '../../server/env.js';
import { createLogger } from '../../server/log/logger.js';
import { createRedisStore } from '../../server/redis/create-store.js';
import { createMemoryStore } from '../../server/redis/memory.js';
import { runCampaigns } from '../../server/services/campaigns/run-campaigns.js';
import { getTemplateIds } from '../../server/services/campaigns/template-ids.js';
import { createWechatClient } from '../../server/wechat/client.js';
import { STAND_IN_CREDENTIALS } from '../../server/wechat/stand-in/credentials.js';
import { createStandInControl } from '../../server/wechat/stand-in/stand-in-control.js';
import { startWechatStandIn } from '../../server/wechat/stand-in/start-stand-in.js';
import { buildTestCampaign, TEST_TEMPLATE_ID } from '../../tests/helpers/campaigns.js';
import { createBenchDatabase } from '../lib/bench-database.js';
import { alternate, type BenchFigure, type BenchOptions, runConcurrently } from '../lib/bench-kit.js';

export const name = 'campaign-planning';

async function createAudience(db: Database, count: number, prefix: string, tag: string) {
  await db.execute(sql`insert into leads (openid, name, tags, lifecycle_stage, journey_stage, created_at)
    select ${prefix} || g, '家长' || g, array[${tag}]::text[], 'engaged', 'exploring', now() - interval '1 day'
    from generate_series(1, ${count}::int) g`);
}

async function createCampaign(db: Database, status: 'active' | 'draft', tag: string) {
  const document = parseCampaignDocument(buildTestCampaign(tag));
  const rows = (await db.execute(sql`insert into campaigns (key, name, status, version, document, activated_at)
    values (${document.key}, ${document.name}, ${status}, 1, ${JSON.stringify(document)}::jsonb, now()) returning id`)) as unknown as {
    rows: { id: string }[];
  };
  return { id: rows.rows[0]?.id as string, document };
}

async function measurePlanning(db: Database, options: BenchOptions): Promise<BenchFigure> {
  const count = options.isSmoke ? 2_000 : (options.leads ?? 1_000_000);
  options.log(`planning: ${count} leads and members`);
  await createAudience(db, count, 'plan-', 'bench-plan');
  const campaign = await createCampaign(db, 'draft', 'bench-plan');
  await db.execute(sql`insert into campaign_members (campaign_id, lead_id, entered_at)
    select ${campaign.id}::uuid, id, now() - interval '1 hour' from leads where openid like 'plan-%'`);
  await db.execute(sql`analyze`);
  const templateIds = getTemplateIds({ WECHAT_TEMPLATE_IDS: undefined });
  const [step] = campaign.document.steps;
  if (!step) throw new Error('the bench campaign has no step');
  const time = async (statement: () => Promise<unknown>) => {
    await db.execute(sql`truncate message_outbox`);
    const started = performance.now();
    await statement();
    return performance.now() - started;
  };
  const values = await alternate(options.repetitions, {
    runner: () =>
      time(() =>
        planCampaignStep(db, {
          campaign: { ...campaign, activatedAt: new Date() },
          step,
          now: new Date(),
          sendAt: new Date(),
          templateIds,
        }),
      ),
    bare: () =>
      time(() =>
        db.execute(sql`insert into message_outbox (campaign_id, step_id, lead_id, template_id, payload, status, scheduled_at, due_at)
          select ${campaign.id}::text, 'hello', m.lead_id, ${TEST_TEMPLATE_ID}, '{}'::jsonb, 'pending', now(), m.entered_at
          from campaign_members m where m.campaign_id = ${campaign.id}::uuid
          on conflict (campaign_id, step_id, lead_id) do nothing`),
      ),
  });
  await db.execute(sql`truncate message_outbox; truncate campaign_members; delete from campaigns`);
  return {
    name: `plan one step for ${count} members`,
    unit: ' ms',
    candidate: { label: 'planCampaignStep (facts, due, deadline)', values: values.runner },
    baseline: { label: 'bare INSERT … SELECT of the same rows', values: values.bare },
  };
}

async function measureDispatch(db: Database, options: BenchOptions): Promise<BenchFigure> {
  const count = options.isSmoke ? 100 : 2_000;
  const standIn = await startWechatStandIn({ port: 0 });
  // The cap counters and the access token where production keeps them: Redis when given.
  const redis = options.redisUrl
    ? createRedisStore(options.redisUrl, { prefix: `bench-campaigns-${process.pid}:` })
    : null;
  try {
    const control = createStandInControl(standIn.url);
    const store = redis?.store ?? createMemoryStore();
    const wechat = createWechatClient({ baseUrl: standIn.url, ...STAND_IN_CREDENTIALS, store });
    const env = parseEnv({ NODE_ENV: 'development', DATA_DIR: 'memory://' });
    const logger = createLogger({ level: 'silent' });
    const values: { runner: number[]; bare: number[] } = { runner: [], bare: [] };
    for (let rep = 0; rep < options.repetitions; rep++) {
      const prefix = `d${rep}-`;
      await db.execute(sql`delete from campaigns`);
      await createAudience(db, count, prefix, prefix);
      await db.execute(sql`insert into subscriptions (lead_id, template_id, granted_count)
        select id, ${TEST_TEMPLATE_ID}, 1 from leads where openid like ${`${prefix}%`}`);
      const openids = Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
      // Two grants on WeChat's side: one for the runner's send, one for the bare send.
      await runConcurrently(16, count, (i) =>
        control.grant(openids[i] as string, TEST_TEMPLATE_ID, 2).then(() => undefined),
      );
      await createCampaign(db, 'active', prefix);
      const context = { db, store, env, now: () => new Date(), wechat, logger };
      const runnerStarted = performance.now();
      let sent = 0;
      while (sent < count) {
        const report = await runCampaigns(context, { budgetMs: 600_000, concurrency: 8 });
        const progress = report.sent.subscribeMessage + report.sent.inAppMessage;
        if (progress === 0) break;
        sent += progress;
      }
      values.runner.push((sent * 1000) / (performance.now() - runnerStarted));
      const message = (toOpenId: string) => ({
        toOpenId,
        templateId: TEST_TEMPLATE_ID,
        page: 'pages/trial/index',
        data: { thing1: '免费试听课', thing2: '试听课仍可预约', phrase3: '可预约' },
      });
      const { elapsedMs } = await runConcurrently(8, count, async (i) => {
        await wechat.deliverSubscribeMessage(message(openids[i] as string));
      });
      values.bare.push((count * 1000) / elapsedMs);
    }
    return {
      name: `dispatch ${count} subscribe messages to the stand-in`,
      unit: ' msg/s',
      candidate: { label: 'the runner (claim, spend, send, record, touchpoint)', values: values.runner },
      baseline: { label: 'bare subscribeMessage.send calls, 8 at a time', values: values.bare },
    };
  } finally {
    if (redis) {
      const keys = await redis.ioredis.keys(`bench-campaigns-${process.pid}:*`);
      if (keys.length > 0) await redis.ioredis.del(...keys);
      await redis.close();
    }
    await standIn.close();
  }
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  if (!options.databaseUrl) {
    options.log('campaign-planning needs --database-url (PostgreSQL); skipped');
    return [];
  }
  const bench = await createBenchDatabase(options.databaseUrl);
  const handle = createDatabase({ databaseUrl: bench.urlFor('bench-campaigns'), maxConnections: 10 });
  try {
    return [await measurePlanning(handle.db, options), await measureDispatch(handle.db, options)];
  } finally {
    await handle.close();
    await bench.drop();
  }
}
