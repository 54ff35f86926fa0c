/**
 * `GET /api/contents` and `GET /api/contents/:id` (issue 4 item 7). Each item is tagged with the
 * buying-journey stage it signals (SPEC §2.2). A gated item's download needs a registration: its
 * `downloadUrl` is present only for a registered viewer.
 */
import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../fields.js';
import { JOURNEY_STAGES } from '../journey/index.js';

export const CONTENT_KINDS = ['article', 'video', 'ebook'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const DOWNLOAD_FILE_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] as const;

export const contentSummarySchema = z.object({
  id: entityIdSchema,
  title: z.string(),
  kind: z.enum(CONTENT_KINDS),
  topic: z.string(),
  journeyStage: z.enum(JOURNEY_STAGES),
  summary: z.string(),
  isGated: z.boolean(),
  publishedAt: isoDateTimeSchema,
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

export const contentDetailSchema = contentSummarySchema.extend({
  body: z.string(),
  /** Present when the item is not gated, or the viewer is registered. */
  downloadUrl: z.string().nullable(),
  downloadFileType: z.enum(DOWNLOAD_FILE_TYPES).nullable(),
  isLocked: z.boolean(),
});
export type ContentDetail = z.infer<typeof contentDetailSchema>;

export const getContentResponseSchema = z.object({ content: contentDetailSchema });
export type GetContentResponse = z.infer<typeof getContentResponseSchema>;

/** `GET /api/me/downloads`: what the prospect downloaded, latest first, each item once. */
export const myDownloadSchema = z.object({
  content: contentSummarySchema,
  downloadedAt: isoDateTimeSchema,
  /** Null when the item has since lost its file. */
  downloadUrl: z.string().nullable(),
  downloadFileType: z.enum(DOWNLOAD_FILE_TYPES).nullable(),
});
export type MyDownload = z.infer<typeof myDownloadSchema>;

export const listMyDownloadsResponseSchema = z.object({ downloads: z.array(myDownloadSchema) });
export type ListMyDownloadsResponse = z.infer<typeof listMyDownloadsResponseSchema>;
