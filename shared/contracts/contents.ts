/**
 * `GET /api/contents` and `GET /api/contents/:id` (issue 4 item 7). Each item is tagged with the
 * buying-journey stage it signals (SPEC §2.2). A gated item's download needs a registration: its
 * `downloadUrl` is present only for a registered viewer, as a short-lived link signed for that
 * viewer (issue 8 item 5, ADR 009).
 */
import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../fields.js';
import { JOURNEY_STAGES } from '../journey/index.js';

export const CONTENT_KINDS = ['article', 'video', 'ebook'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** The file types a download can have: the `fileType` values of `wx.openDocument`. */
export const DOWNLOAD_FILE_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] as const;
export type DownloadFileType = (typeof DOWNLOAD_FILE_TYPES)[number];

/** The `Content-Type` each download file type is served with (IANA media types). */
export const DOWNLOAD_MEDIA_TYPES: Record<DownloadFileType, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export const contentSummarySchema = z.object({
  id: entityIdSchema,
  title: z.string(),
  kind: z.enum(CONTENT_KINDS),
  topic: z.string(),
  journeyStage: z.enum(JOURNEY_STAGES),
  summary: z.string(),
  isGated: z.boolean(),
  publishedAt: isoDateTimeSchema,
  /** Root-relative API path of the item's cover image (PNG, made by the API; clients prefix their API base). */
  coverUrl: z.string(),
});
export type ContentSummary = z.infer<typeof contentSummarySchema>;

export const listContentsQuerySchema = z.strictObject({
  topic: z.string().trim().min(1).max(32).optional(),
  journeyStage: z.enum(JOURNEY_STAGES).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});
export type ListContentsQuery = z.infer<typeof listContentsQuerySchema>;

/**
 * `recommendedStage` is the viewer's journey stage when known: the list leads with items of that
 * stage (issue 5 "leading with what fits the visitor's journey stage").
 */
export const listContentsResponseSchema = z.object({
  contents: z.array(contentSummarySchema),
  topics: z.array(z.string()),
  recommendedStage: z.enum(JOURNEY_STAGES).nullable(),
  nextCursor: z.string().nullable(),
});
export type ListContentsResponse = z.infer<typeof listContentsResponseSchema>;

/**
 * Where an item's file is, for this viewer: a root-relative API path (`/api/downloads/…`; clients
 * prefix their API base). For a known viewer it is signed and expires within minutes, and
 * fetching it records the `content_download` touchpoint on the server (ADR 009). Null when the
 * item has no file or is locked for the viewer.
 */
const downloadUrlSchema = z.string().nullable();

export const contentDetailSchema = contentSummarySchema.extend({
  body: z.string(),
  /** Present when the item has a file and is not gated, or the viewer is registered. */
  downloadUrl: downloadUrlSchema,
  /** The file's type, for `wx.openDocument({ fileType })`; null when there is no file. */
  downloadFileType: z.enum(DOWNLOAD_FILE_TYPES).nullable(),
  isLocked: z.boolean(),
  /** The course the item is about, for its page's 课程详情 link. */
  course: z.object({ id: entityIdSchema, name: z.string() }).nullable(),
  /**
   * Where the item leads (issue 14, the seeds' "hook to the next stage"): a related item of the
   * next journey stage, the topic's gated guide, or a trial of its course.
   */
  nextStep: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('content'), content: contentSummarySchema }),
      z.object({ kind: z.literal('trial'), course: z.object({ id: entityIdSchema, name: z.string() }) }),
    ])
    .nullable(),
});
export type ContentDetail = z.infer<typeof contentDetailSchema>;

export const getContentResponseSchema = z.object({ content: contentDetailSchema });
export type GetContentResponse = z.infer<typeof getContentResponseSchema>;

/** `GET /api/me/downloads`: what the prospect downloaded, latest first, each item once. */
export const myDownloadSchema = z.object({
  content: contentSummarySchema,
  downloadedAt: isoDateTimeSchema,
  /** A fresh signed link; null when the item has since lost its file or is locked for the prospect. */
  downloadUrl: downloadUrlSchema,
  /** The file's type, for `wx.openDocument({ fileType })`; null when there is no file. */
  downloadFileType: z.enum(DOWNLOAD_FILE_TYPES).nullable(),
});
export type MyDownload = z.infer<typeof myDownloadSchema>;

export const listMyDownloadsResponseSchema = z.object({ downloads: z.array(myDownloadSchema) });
export type ListMyDownloadsResponse = z.infer<typeof listMyDownloadsResponseSchema>;

/**
 * `GET /api/downloads/:contentId`: the query of a download link as `GET /api/contents/:id` issued
 * it. Without `lead`, `expires` and `sig` only an ungated file is served (to an anonymous visitor,
 * nothing recorded); a signed link must carry all three.
 */
export const downloadQuerySchema = z
  .strictObject({
    lead: entityIdSchema.optional(),
    /** Unix seconds after which the link is refused (410). */
    expires: z.coerce.number().int().positive().optional(),
    /** base64url HMAC-SHA256 of content id, lead id and expiry (ADR 009). */
    sig: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, { error: '下载链接无效' })
      .optional(),
  })
  .refine(
    (q) =>
      [q.lead, q.expires, q.sig].every((v) => v === undefined) ||
      [q.lead, q.expires, q.sig].every((v) => v !== undefined),
    {
      error: '下载链接不完整',
    },
  );
export type DownloadQuery = z.infer<typeof downloadQuerySchema>;
