/**
 * `npm start`: the whole product on embedded defaults (issue 4 item 8, issue 5 item 5). Migrates,
 * seeds the demo institution once, starts the WeChat stand-in when no app secret is configured,
 * builds the mini-program's H5 app when its build is missing or older than its sources, and
 * serves the API at /api and the H5 app at /.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { X_EDUCATION_MAPPING } from '@scrm/shared';
import { Hono } from 'hono';
import { migrateDatabase } from '../server/db/migrate.js';
import { loadEnv } from '../server/env.js';
import { h5SecurityHeaders, hashInlineScripts } from '../server/http/security-headers.js';
import { createRuntime } from '../server/runtime.js';
import { runCampaigns } from '../server/services/campaigns/run-campaigns.js';
import { runRescoring } from '../server/services/scoring-models/rescore-leads.js';
import { seedDemoInstitution } from '../server/services/seed/seed-demo-institution.js';
import { startWechatStandIn } from '../server/wechat/stand-in/start-stand-in.js';
import { readLeadsCsv } from './lib/leads-csv.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const h5Dir = join(root, 'miniprogram/dist/h5');
/** The public lead data set beside the repository, if present (never copied into it). */
const historyCsv = resolve(root, '../shared/data/x-education-leads.csv');
const DEMO_LEADS = 300;

const log = (message: string) => process.stdout.write(`${message}\n`);

/**
 * One line per phase (issue 14): what it does and about how long it takes, then its time when
 * done. A terminal sees the line completed in place; a log (CI, the browser test) gets two lines.
 */
function startPhase(what: string, estimate: string): (detail?: string) => void {
  const startedAt = Date.now();
  const isTty = process.stdout.isTTY === true;
  process.stdout.write(`· ${what} (${estimate})…${isTty ? '' : '\n'}`);
  return (detail) => {
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    const done = `${detail ? `${detail}, ` : ''}${seconds} s`;
    process.stdout.write(isTty ? ` ${done}\n` : `  done: ${done}\n`);
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function ensureH5Build(): boolean {
  const built = join(h5Dir, 'index.html');
  const sources = Math.max(newestMtime(join(root, 'miniprogram/src')), newestMtime(join(root, 'shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return true;
  const done = startPhase(
    'building the mini-program for the browser, once: npm run build:h5',
    'about 1–2 minutes; later starts reuse it',
  );
  // A production build whatever NODE_ENV the caller has (a test runner sets `test`, which makes
  // Taro add React Refresh hooks that only its dev server provides). Its ~500 lines of webpack
  // progress are kept, and shown only when the build fails.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build:h5'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-60).join('\n');
    log(`\n${output}\n! the H5 build failed (its last lines are above); the API still runs, the app at / will not`);
    return false;
  }
  done('miniprogram/dist/h5');
  return true;
}

const baseEnv = loadEnv();
const standIn = baseEnv.WECHAT_SECRET ? null : await startWechatStandIn({ port: 0 });
const env = standIn ? { ...baseEnv, WECHAT_API_BASE: standIn.url } : baseEnv;
const runtime = await createRuntime(env);
log(
  `· database: ${runtime.database.kind === 'pglite' ? `PGlite in ${env.DATA_DIR}` : 'PostgreSQL'}; store: ${runtime.store.store.kind}`,
);
const migrated = startPhase('applying database migrations', 'up to about 20 seconds on PGlite');
await migrateDatabase(runtime.database);
migrated();

const now = new Date();
const history = existsSync(historyCsv)
  ? readLeadsCsv(historyCsv, X_EDUCATION_MAPPING, new Date(now.getTime() - 86_400_000)).slice(0, DEMO_LEADS)
  : [];
// The demo's staff sign in through the stand-in: never in production (env.ts already refuses
// production without a WeChat secret, so the stand-in cannot run there either).
const seeding =
  env.NODE_ENV === 'production' ? null : startPhase('seeding the demo school', 'under a minute on the first start');
const seeded = seeding
  ? await seedDemoInstitution(runtime.database.db, { now, nodeEnv: env.NODE_ENV, historicalLeads: history })
  : null;
seeding?.(
  seeded?.isSeeded
    ? `demo institution seeded: ${seeded.campuses} campuses, ${seeded.courses} courses, ${seeded.contents} contents, ${seeded.sessions} sessions, ${seeded.leads} leads, ${seeded.staff} staff, ${seeded.campaigns} active campaigns, ${seeded.analyticsLeads} leads of funnel history`
    : 'demo data already present',
);
if (seeded === null) log('· production: no demo data');

const isH5Ready = ensureH5Build();
const app = new Hono();
// The Node bindings (`c.env`) carry the connection, whose peer is the client's address (ADR 007).
app.all('/api/*', (c) => runtime.app.fetch(c.req.raw, c.env));
// The H5 app gets its own policy (the API above sets its own); the template's inline
// script is allowed by its hash, read from the build being served.
const h5Index = join(h5Dir, 'index.html');
const inlineScriptHashes = existsSync(h5Index) ? hashInlineScripts(readFileSync(h5Index, 'utf8')) : [];
app.use('/*', h5SecurityHeaders({ inlineScriptHashes }));
app.use('/*', serveStatic({ root: h5Dir.slice(root.length + 1), rewriteRequestPath: (p) => p }));

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  log(`\n学途 SCRM is running:`);
  log(`  app   http://localhost:${info.port}/${isH5Ready ? '' : '  (H5 build missing)'}`);
  log(`  api   http://localhost:${info.port}/api/health   openapi: /api/openapi.json`);
  if (env.HOST !== '127.0.0.1' && env.HOST !== 'localhost') log(`  listening on ${env.HOST} (HOST)`);
  if (standIn) {
    log(`  wechat stand-in ${standIn.url} (login code dev-<name>)`);
    log('  workbench: dev-manager (all campuses), dev-advisor1 … dev-advisor6 (two per campus)');
  }
});

// The campaign runner in-process, every minute (issue 13): the demo lives without Vercel Cron,
// whose Hobby plan runs a job at most once a day. One run at a time; a slow run skips a tick.
const RUNNER_INTERVAL_MS = 60_000;
let isRunnerBusy = false;
async function runCampaignsTick() {
  if (isRunnerBusy) return;
  isRunnerBusy = true;
  try {
    const context = {
      db: runtime.database.db,
      store: runtime.store.store,
      env,
      now: () => new Date(),
      wechat: runtime.wechat,
      logger: runtime.logger,
    };
    const r = await runCampaigns(context, { budgetMs: 50_000 });
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    log(
      `· campaigns ${new Date().toISOString().slice(11, 16)}Z: entered ${r.entered}, planned ${r.planned}, sent ${r.sent.subscribeMessage} WeChat + ${r.sent.inAppMessage} in-app, skipped ${total(r.skipped)}, deferred ${total(r.deferred)}, failed ${total(r.failed)}, unknown ${r.unknown}`,
    );
  } catch (error) {
    log(`! campaign runner failed: ${String(error)}`);
  } finally {
    isRunnerBusy = false;
  }
}
const runnerTimer = setInterval(runCampaignsTick, RUNNER_INTERVAL_MS);
void runCampaignsTick();

// The rescoring after a model switch (ADR 019), as `/api/cron/scoring` does on Vercel: every few
// seconds, so the demo's 评分模型 page shows it finish; an idle tick is one small query.
const RESCORE_INTERVAL_MS = 5_000;
let isRescoreBusy = false;
async function runRescoringTick() {
  if (isRescoreBusy) return;
  isRescoreBusy = true;
  try {
    const context = { db: runtime.database.db, env, now: () => new Date(), logger: runtime.logger };
    const r = await runRescoring(context, { budgetMs: 4_000 });
    if (r.rescoring && r.batches > 0) {
      log(`· rescoring v${r.rescoring.version}: ${r.rescoring.done} / ${r.rescoring.total} leads (${r.stoppedBy})`);
    }
  } catch (error) {
    log(`! rescoring failed: ${String(error)}`);
  } finally {
    isRescoreBusy = false;
  }
}
const rescoreTimer = setInterval(runRescoringTick, RESCORE_INTERVAL_MS);

async function shutdown() {
  log('\n· shutting down');
  clearInterval(runnerTimer);
  clearInterval(rescoreTimer);
  server.close();
  await Promise.all([runtime.close(), standIn?.close()]);
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
