/**
 * Where a content item leads (issue 14, the seeds' "hook to the next stage", SPEC §2.2): an
 * exploring read leads to a considering one of its topic; a considering read to the topic's gated
 * guide; the guide and a preferring read to a trial of the course. Each step is a tap onto a page
 * whose own touchpoint (`content_view` of a tagged item, `trial_booked`) the journey reads.
 */
import type { ContentDetail } from '@scrm/shared';
import type { ContentRow } from '../../db/queries/contents.js';

type Course = { id: string; name: string } | null;

export function chooseNextStep(
  item: ContentRow,
  sameTopic: readonly ContentRow[],
  course: Course,
  toSummary: (row: ContentRow) => Extract<ContentDetail['nextStep'], { kind: 'content' }>['content'],
): ContentDetail['nextStep'] {
  const others = sameTopic.filter((c) => c.id !== item.id);
  const trial = course ? ({ kind: 'trial', course } as const) : null;
  const pick = (row: ContentRow | undefined) => (row ? ({ kind: 'content', content: toSummary(row) } as const) : null);
  switch (item.journeyStage) {
    case 'unaware':
    case 'exploring':
      return (
        pick(others.find((c) => c.journeyStage === 'considering' && !c.isGated)) ??
        pick(others.find((c) => c.journeyStage === 'considering')) ??
        trial
      );
    case 'considering':
      return (item.isGated ? null : pick(others.find((c) => c.isGated))) ?? trial;
    default:
      return trial;
  }
}
