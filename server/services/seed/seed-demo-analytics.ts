/**
 * The demo's funnel history (issue 15 "the demo data has enough history … that every chart shows
 * something meaningful"): six months of anonymous leads with their moves, touches, enrolments and
 * each campaign's and channel's monthly spend, written set-wise, then folded into the rollups so
 * 数据 has figures on the first start. These leads have no phone, so they stay out of the
 * advisors' lists. Never in production (the caller checks).
 */
import type { Database } from '../../db/client.js';
import { generateSyntheticHistory } from '../../db/queries/synthetic-history.js';
import { foldAnalytics } from '../analytics/fold-analytics.js';

export const DEMO_CAMPAIGN_IDS = ['spring-fair', 'wechat-ads', 'moments-2026', 'referral-week'] as const;
export const DEMO_SOURCES = ['mini_program', 'event_qr', 'wechat_article'] as const;
const DEMO_HISTORY_LEADS = 800;

export async function seedDemoAnalytics(
  db: Database,
  options: { now: Date; campusIds: readonly string[]; courseIds: readonly string[]; managerId: string | null },
): Promise<number> {
  await generateSyntheticHistory(db, {
    leads: DEMO_HISTORY_LEADS,
    touchesPerLead: 5,
    endAt: options.now,
    months: 6,
    campusIds: options.campusIds,
    courseIds: options.courseIds,
    sources: DEMO_SOURCES,
    campaignIds: DEMO_CAMPAIGN_IDS,
    channels: ['moments', 'wechat_article', 'search', 'referral'],
    costsEnteredBy: options.managerId,
  });
  await foldAnalytics({ db, now: () => options.now }, { settled: true });
  return DEMO_HISTORY_LEADS;
}
