/**
 * `GET /api/downloads/:contentId` (issue 8 item 5, ADR 009): the file of a content item, served
 * by the API itself so the gate holds. A signed link (issued by `GET /api/contents/:id` or
 * `GET /api/me/downloads`) is checked, its lead must still be live (and registered, for a gated
 * item), and the `content_download` touchpoint is recorded for that lead in the same request: the
 * download no longer depends on the device reporting it. Its id is derived from the link, so a
 * retried fetch of the same link counts once. An ungated file is also served without a link, to
 * anonymous visitors, and nothing is recorded. Every refusal writes nothing.
 */
import { DOWNLOAD_MEDIA_TYPES, type DownloadQuery } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { type ContentFileRow, findContentWithFile } from '../../db/queries/contents.js';
import { lockLead } from '../../db/queries/leads.js';
import { AppError } from '../../http/app-error.js';
import { deriveEventId } from '../leads/derived-event-id.js';
import { isLiveLead, isRegisteredLead } from '../leads/lead-guards.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { verifyDownloadLink } from './download-link.js';

export interface DownloadedFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

const notFound = (contentId: string) =>
  new AppError('not_found', `No file for content ${contentId}`, { userMessage: '资料不存在或已下架' });

const toDownloadedFile = (file: ContentFileRow): DownloadedFile => ({
  fileName: file.fileName,
  mediaType: DOWNLOAD_MEDIA_TYPES[file.fileType],
  bytes: file.bytes,
});

export async function downloadContent(
  ctx: Pick<AppContext, 'db' | 'env' | 'now'>,
  options: { contentId: string; query: DownloadQuery; viewerLeadId?: string },
): Promise<DownloadedFile> {
  const { contentId, query } = options;
  const found = await findContentWithFile(ctx.db, contentId);
  if (!found) throw notFound(contentId);
  const { lead, expires, sig } = query;
  if (lead === undefined || expires === undefined || sig === undefined) {
    if (found.content.isGated) {
      throw new AppError('forbidden', 'A gated file needs a signed link', { userMessage: '请登记后从资料页下载' });
    }
    return toDownloadedFile(found.file);
  }
  const now = ctx.now();
  const link = verifyDownloadLink(ctx.env.AUTH_SECRET, { contentId, query: { lead, expires, sig }, now });
  // A signed-in client fetching someone else's link: refused, whoever forwarded it.
  if (options.viewerLeadId !== undefined && options.viewerLeadId !== link.leadId) {
    throw new AppError('forbidden', 'The link was issued to another lead', { userMessage: '下载链接无效' });
  }
  await ctx.db.transaction(async (tx) => {
    const locked = await lockLead(tx, link.leadId);
    if (!locked || !isLiveLead(locked.lead)) {
      throw new AppError('forbidden', `Lead ${link.leadId} is gone`, { userMessage: '下载链接无效' });
    }
    if (found.content.isGated && !isRegisteredLead(locked.lead)) {
      throw new AppError('registration_required', 'The lead is no longer registered', {
        userMessage: '请先完成登记再下载',
      });
    }
    await recordLeadSignals(tx, {
      leadId: link.leadId,
      signals: [
        {
          id: deriveEventId('content_download', contentId, link.leadId, String(link.expires)),
          type: 'content_download',
          occurredAt: now.toISOString(),
          contentId,
          props: { format: found.file.fileType === 'pdf' ? 'pdf' : 'other' },
        },
      ],
      now,
    });
  });
  return toDownloadedFile(found.file);
}
