/**
 * The content feed and one item (`GET /api/contents`, `GET /api/contents/:id`). A gated item's
 * download link is only given to a registered viewer (SPEC §1 "download gated content").
 */
import {
  type ContentSummary,
  type GetContentResponse,
  isJourneyStage,
  type ListContentsQuery,
  type ListContentsResponse,
  type ListMyDownloadsResponse,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import {
  type ContentRow,
  findContent,
  listContentRows,
  listContentTopics,
  listLeadDownloadRows,
} from '../../db/queries/contents.js';
import { findLeadById, type LeadRow } from '../../db/queries/leads.js';
import { AppError } from '../../http/app-error.js';
import { isRegisteredLead, readOfLiveLead } from '../leads/lead-guards.js';

function toSummary(row: ContentRow): ContentSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    topic: row.topic,
    journeyStage: isJourneyStage(row.journeyStage) ? row.journeyStage : 'exploring',
    summary: row.summary ?? '',
    isGated: row.isGated,
    publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
  };
}

/** A gated item is locked for anyone not registered (SPEC §1 "download gated content"). */
function isLockedFor(row: ContentRow, viewer: LeadRow | null): boolean {
  return row.isGated && !(viewer && isRegisteredLead(viewer));
}

async function findViewer(ctx: Pick<AppContext, 'db'>, leadId: string | undefined) {
  const lead = leadId ? await findLeadById(ctx.db, leadId) : null;
  return lead && !lead.erasedAt ? lead : null;
}

const decodeCursor = (cursor: string | undefined): number => {
  const offset = cursor ? Number.parseInt(Buffer.from(cursor, 'base64url').toString(), 10) : 0;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new AppError('validation_failed', 'cursor: invalid', { userMessage: '分页参数无效，请刷新' });
  }
  return offset;
};

export async function listContents(
  ctx: Pick<AppContext, 'db'>,
  options: { query: ListContentsQuery; viewerLeadId?: string },
): Promise<ListContentsResponse> {
  const { query } = options;
  const viewer = await findViewer(ctx, options.viewerLeadId);
  const recommendedStage = viewer && isJourneyStage(viewer.journeyStage) ? viewer.journeyStage : null;
  // An unaware visitor is best served by what starts the journey.
  const leadingStage = recommendedStage === 'unaware' ? 'exploring' : recommendedStage;
  const offset = decodeCursor(query.cursor);
  const [rows, topics] = await Promise.all([
    listContentRows(ctx.db, { ...query, leadingStage, offset, limit: query.limit + 1 }),
    listContentTopics(ctx.db),
  ]);
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? Buffer.from(String(offset + query.limit)).toString('base64url') : null;
  return { contents: page.map(toSummary), topics, recommendedStage, nextCursor };
}

export async function getContent(
  ctx: Pick<AppContext, 'db'>,
  options: { id: string; viewerLeadId?: string },
): Promise<GetContentResponse> {
  const row = await findContent(ctx.db, options.id);
  if (!row) throw new AppError('not_found', `Content ${options.id} not found`, { userMessage: '内容不存在或已下架' });
  const viewer = await findViewer(ctx, options.viewerLeadId);
  const isLocked = isLockedFor(row, viewer);
  return {
    content: {
      ...toSummary(row),
      body: row.body ?? '',
      downloadUrl: isLocked ? null : (row.downloadUrl ?? null),
      // Every seeded file is a PDF until the signed-link work (issue 8) stores each file's type.
      downloadFileType: !isLocked && row.downloadUrl ? 'pdf' : null,
      isLocked,
    },
  };
}

/**
 * `GET /api/me/downloads`. Downloads are reported by the device, so the gate applies here too: a
 * gated item's link is given only while the prospect is registered.
 */
export async function listMyDownloads(
  ctx: Pick<AppContext, 'db'>,
  options: { leadId: string },
): Promise<ListMyDownloadsResponse> {
  const { lead: viewer, data: rows } = await readOfLiveLead(ctx.db, options.leadId, listLeadDownloadRows);
  return {
    downloads: rows.map(({ content, downloadedAt }) => ({
      content: toSummary(content),
      downloadedAt: downloadedAt.toISOString(),
      downloadUrl: isLockedFor(content, viewer) ? null : (content.downloadUrl ?? null),
      downloadFileType: !isLockedFor(content, viewer) && content.downloadUrl ? 'pdf' : null,
    })),
  };
}
