/**
 * Content items with a file behind them, for download tests (ADR 009): the item row and its
 * `content_files` row, written directly.
 */
import { contentFiles, contentItems } from '../../server/db/schema/index.js';
import { createDemoPdf } from '../../server/services/seed/demo-download.js';
import type { TestApp } from './test-app.js';

export async function createContentWithFile(
  t: TestApp,
  item: { title: string; isGated: boolean; journeyStage?: string; fileName?: string },
) {
  const [content] = await t.db
    .insert(contentItems)
    .values({
      title: item.title,
      kind: 'ebook',
      topic: '雅思',
      journeyStage: item.journeyStage ?? 'considering',
      isGated: item.isGated,
    })
    .returning();
  if (!content) throw new Error('content insert failed');
  const bytes = createDemoPdf(item.title);
  await t.db.insert(contentFiles).values({
    contentId: content.id,
    fileName: item.fileName ?? `${item.title}.pdf`,
    fileType: 'pdf',
    byteSize: bytes.byteLength,
    bytes,
  });
  return { content, bytes };
}
