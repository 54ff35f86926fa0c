/**
 * The content feed and one item (`GET /api/contents`, `GET /api/contents/:id`). A gated item's
 * download link is only given to a registered viewer (SPEC §1 "download gated content"), and a
 * known viewer's link is signed for them and short-lived (issue 8 item 5, ADR 009).
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
import { findCourse } from '../../db/queries/catalog.js';
import {
  type ContentFileInfo,
  type ContentRow,
  findContent,
  listContentFileInfos,
  listContentRows,
  listContentTopics,
  listLeadDownloadRows,
  listTopicContentRows,
} from '../../db/queries/contents.js';
import { findLeadById, type LeadRow } from '../../db/queries/leads.js';
import { AppError } from '../../http/app-error.js';
import { isLiveLead, isRegisteredLead, readOfLiveLead } from '../leads/lead-guards.js';
import { signDownloadLink, toDownloadPath } from './download-link.js';
import { chooseNextStep } from './next-step.js';

export function toSummary(row: ContentRow): ContentSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    topic: row.topic,
    journeyStage: isJourneyStage(row.journeyStage) ? row.journeyStage : 'exploring',
    summary: row.summary ?? '',
    isGated: row.isGated,
    publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    coverUrl: `/api/contents/${row.id}/cover.png`,
  };
}

/** A gated item is locked for anyone not registered (SPEC §1 "download gated content"). */
function isLockedFor(row: ContentRow, viewer: LeadRow | null): boolean {
  return row.isGated && !(viewer && isRegisteredLead(viewer));
}

/**
 * The item's download for this viewer: a link signed for a known viewer (fetching it records the
 * download, ADR 009), the plain path of an ungated file for an anonymous one, nothing when locked.
 */
function toDownload(
  ctx: Pick<AppContext, 'env' | 'now'>,
  row: ContentRow,
  file: ContentFileInfo | undefined,
  viewer: LeadRow | null,
): { downloadUrl: string | null; downloadFileType: ContentFileInfo['fileType'] | null } {
  if (!file) return { downloadUrl: null, downloadFileType: null };
  if (isLockedFor(row, viewer)) return { downloadUrl: null, downloadFileType: file.fileType };
  const downloadUrl = viewer
    ? signDownloadLink(ctx.env.AUTH_SECRET, { contentId: row.id, leadId: viewer.id, now: ctx.now() })
    : toDownloadPath(row.id);
  return { downloadUrl, downloadFileType: file.fileType };
}

async function findViewer(ctx: Pick<AppContext, 'db'>, leadId: string | undefined) {
  const lead = leadId ? await findLeadById(ctx.db, leadId) : null;
  return lead && isLiveLead(lead) ? lead : null;
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
  ctx: Pick<AppContext, 'db' | 'env' | 'now'>,
  options: { id: string; viewerLeadId?: string },
): Promise<GetContentResponse> {
  const [row, files] = await Promise.all([findContent(ctx.db, options.id), listContentFileInfos(ctx.db, [options.id])]);
  if (!row) throw new AppError('not_found', `Content ${options.id} not found`, { userMessage: '内容不存在或已下架' });
  const [viewer, sameTopic, courseRow] = await Promise.all([
    findViewer(ctx, options.viewerLeadId),
    listTopicContentRows(ctx.db, row.topic),
    row.courseId ? findCourse(ctx.db, row.courseId) : null,
  ]);
  const course = courseRow ? { id: courseRow.id, name: courseRow.name } : null;
  return {
    content: {
      ...toSummary(row),
      body: row.body ?? '',
      ...toDownload(ctx, row, files.get(row.id), viewer),
      isLocked: isLockedFor(row, viewer),
      course,
      nextStep: chooseNextStep(row, sameTopic, course, toSummary),
    },
  };
}

/**
 * `GET /api/me/downloads`: each link freshly signed. The gate applies here too: a gated item's
 * link is given only while the prospect is registered.
 */
export async function listMyDownloads(
  ctx: Pick<AppContext, 'db' | 'env' | 'now'>,
  options: { leadId: string },
): Promise<ListMyDownloadsResponse> {
  const { lead: viewer, data: rows } = await readOfLiveLead(ctx.db, options.leadId, listLeadDownloadRows);
  const files = await listContentFileInfos(
    ctx.db,
    rows.map((r) => r.content.id),
  );
  return {
    downloads: rows.map(({ content, downloadedAt }) => ({
      content: toSummary(content),
      downloadedAt: downloadedAt.toISOString(),
      ...toDownload(ctx, content, files.get(content.id), viewer),
    })),
  };
}
