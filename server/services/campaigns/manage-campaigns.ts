/**
 * The campaign manager's actions (issue 13 §3): list, create from a built-in track (a draft),
 * edit the document (validated, a new version), count a draft's audience live, change status,
 * and the detail with each step's funnel and the A/B result.
 */
import {
  BUILT_IN_CAMPAIGNS,
  type CampaignAction,
  type CampaignDetailResponse,
  type CampaignDocument,
  campaignAudiencePartSchema,
  campaignDocumentSchema,
  campaignIssueText,
  describeIssueLocation,
  type ListCampaignsResponse,
} from '@scrm/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { listUnknownSends } from '../../db/queries/campaign-outbox.js';
import {
  type CampaignRow,
  countAudience,
  findCampaignKeys,
  findCampaignRow,
  insertCampaign,
  listCampaignCounts,
  listCampaignRows,
  listStepFunnelRows,
  saveCampaignVersion,
  updateCampaignStatus,
} from '../../db/queries/campaigns.js';
import { AppError } from '../../http/app-error.js';
import { toCampaignDetail, toCampaignSummary } from './campaign-views.js';
import { getTemplateIds } from './template-ids.js';

const NOT_FOUND = '活动不存在或已删除';

export async function listCampaigns(ctx: AppContext): Promise<ListCampaignsResponse> {
  const [rows, counts] = await Promise.all([listCampaignRows(ctx.db), listCampaignCounts(ctx.db)]);
  const byId = new Map(counts.map((c) => [c.campaign_id, c]));
  return {
    campaigns: rows.map((row) => toCampaignSummary(row, byId.get(row.id))),
    builtInTracks: BUILT_IN_CAMPAIGNS.map((d) => ({ key: d.key, name: d.name, description: d.description ?? null })),
  };
}

async function requireCampaign(ctx: AppContext, id: string): Promise<CampaignRow> {
  const row = await findCampaignRow(ctx.db, id);
  if (!row) throw new AppError('not_found', `Campaign ${id} not found`, { userMessage: NOT_FOUND });
  return row;
}

export async function getCampaignDetail(ctx: AppContext, id: string): Promise<CampaignDetailResponse> {
  const row = await requireCampaign(ctx, id);
  const [counts, funnel, unknown] = await Promise.all([
    listCampaignCounts(ctx.db),
    listStepFunnelRows(ctx.db, id),
    listUnknownSends(ctx.db, 50, id),
  ]);
  return toCampaignDetail(
    row,
    counts.find((c) => c.campaign_id === id),
    funnel,
    unknown.map((u) => ({ ...u, since: u.since.toISOString() })),
  );
}

/** A key not taken yet: the track's own, else with a number (`welcome-2`). */
function freeKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createCampaignFromTrack(ctx: AppContext, builtInKey: string): Promise<CampaignDetailResponse> {
  const track = BUILT_IN_CAMPAIGNS.find((d) => d.key === builtInKey);
  if (!track) {
    throw new AppError('validation_failed', `builtInKey: no track ${builtInKey}`, {
      userMessage: '没有这个内置培育路径',
      issues: [{ path: 'builtInKey', message: 'unknown built-in track' }],
    });
  }
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const document = { ...track, key: freeKey(track.key, await findCampaignKeys(tx)), version: 1 };
    return insertCampaign(tx, { document, builtInKey, status: 'draft', now });
  });
  return getCampaignDetail(ctx, row.id);
}

/**
 * The 400 of a refused document: each issue at its path under `document` with a short Chinese
 * message the editor shows next to that field, and the first one with its place as the summary.
 */
function refuseDocument(issues: readonly z.core.$ZodIssue[], document: unknown): AppError {
  const first = issues[0];
  return new AppError(
    'validation_failed',
    issues.map((i) => `document.${i.path.join('.')}: ${i.message}`).join('; ') || 'Invalid document',
    {
      userMessage: first ? `${describeIssueLocation(first.path, document)}：${first.message}` : '活动内容有误',
      issues: issues.map((i) => ({ path: ['document', ...i.path].join('.'), message: i.message })),
    },
  );
}

/** An untrusted document, parsed; refused with Chinese messages at the fields they name. */
export function parseDocument(document: unknown): CampaignDocument {
  const parsed = campaignDocumentSchema.safeParse(document, { error: campaignIssueText });
  if (!parsed.success) throw refuseDocument(parsed.error.issues, document);
  return parsed.data;
}

export async function updateCampaignDocument(
  ctx: AppContext,
  id: string,
  document: unknown,
): Promise<CampaignDetailResponse> {
  const parsed = parseDocument(document);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await findCampaignRow(tx, id);
    if (!row) throw new AppError('not_found', `Campaign ${id} not found`, { userMessage: NOT_FOUND });
    if (row.status === 'archived') {
      throw new AppError('conflict', 'Campaign archived', { userMessage: '活动已归档，不能再修改' });
    }
    // The key names the campaign for good; the version is the server's count of edits.
    await saveCampaignVersion(tx, id, { ...parsed, key: row.key, version: row.version + 1 }, now);
  });
  return getCampaignDetail(ctx, id);
}

/**
 * The live count of a draft: only its audience and exit rules are read (and must be valid), so a
 * half-written step text does not stop the count while the manager edits the audience.
 */
export async function countDraftAudience(ctx: AppContext, document: unknown): Promise<{ audienceSize: number }> {
  const parsed = campaignAudiencePartSchema.safeParse(document, { error: campaignIssueText });
  if (!parsed.success) throw refuseDocument(parsed.error.issues, document);
  const part = { ...parsed.data, timeBox: {} };
  return { audienceSize: await countAudience(ctx.db, part, ctx.now(), getTemplateIds(ctx.env)) };
}

/** Which status each action moves from, and to. */
const TRANSITIONS: Record<CampaignAction, { from: readonly CampaignRow['status'][]; to: CampaignRow['status'] }> = {
  activate: { from: ['draft'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  archive: { from: ['draft', 'active', 'paused'], to: 'archived' },
};

const STATUS_LABELS: Record<CampaignRow['status'], string> = {
  draft: '草稿',
  active: '进行中',
  paused: '已暂停',
  archived: '已归档',
};

export async function changeCampaignStatus(
  ctx: AppContext,
  id: string,
  action: CampaignAction,
): Promise<CampaignDetailResponse> {
  const row = await requireCampaign(ctx, id);
  const move = TRANSITIONS[action];
  const refuse = (status: CampaignRow['status']) =>
    new AppError('conflict', `Cannot ${action} a ${status} campaign`, {
      userMessage: `活动${STATUS_LABELS[status]}，不能执行此操作`,
    });
  if (!move.from.includes(row.status)) throw refuse(row.status);
  const now = ctx.now();
  const changed = await updateCampaignStatus(
    ctx.db,
    id,
    {
      status: move.to,
      ...(action === 'activate' ? { activatedAt: now } : {}),
      ...(action === 'pause' ? { pausedAt: now } : {}),
      ...(action === 'archive' ? { archivedAt: now } : {}),
    },
    now,
    move.from,
  );
  if (!changed) throw refuse((await requireCampaign(ctx, id)).status);
  return getCampaignDetail(ctx, id);
}
