/**
 * Which content a campaign step sends (SPEC §2.5 "drip: send this stage's content plus a hook to
 * the next stage", issue 13): a step names a journey stage and a topic, never a content id, so the
 * built-in tracks work on any installation's catalogue (content is tagged by stage and topic,
 * SPEC §2.2). The runner resolves the pick per lead when it plans the send.
 */
import { z } from 'zod';
import { JOURNEY_STAGES, type JourneyStage } from '../journey/stages.js';
import type { CampaignContent, CampaignLeadFacts } from './lead-facts.js';

export const contentPickSchema = z.strictObject({
  /**
   * A fixed stage, or relative to the lead: `lead_stage` (where they are; `unaware` reads as
   * `exploring`, the first stage with content) or `next_stage` (the hook that moves them on).
   */
  stage: z.union([z.enum(JOURNEY_STAGES), z.enum(['lead_stage', 'next_stage'])]),
  /** `lead_interest`: the topic of the lead's course, else any; `any`; or a topic, e.g. 雅思. */
  topic: z.string().trim().min(1).max(32).default('lead_interest'),
});
export type ContentPick = z.infer<typeof contentPickSchema>;

/** The concrete stage a pick means for a lead in `journeyStage`. */
export function resolvePickStage(pick: ContentPick, journeyStage: JourneyStage): JourneyStage {
  const current = journeyStage === 'unaware' ? 'exploring' : journeyStage;
  if (pick.stage === 'lead_stage') return current;
  if (pick.stage === 'next_stage') {
    const next = JOURNEY_STAGES[JOURNEY_STAGES.indexOf(current) + 1];
    return next ?? current;
  }
  return pick.stage;
}

const byPreference = (topic: string | null) => (a: CampaignContent, b: CampaignContent) => {
  const topicOrder = Number(b.topic === topic) - Number(a.topic === topic);
  if (topicOrder !== 0) return topicOrder;
  const dateOrder = b.publishedAt.getTime() - a.publishedAt.getTime();
  if (dateOrder !== 0) return dateOrder;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * The content a step sends to a lead (SPEC §2.5), or `null` when the catalogue has nothing new for
 * them at that stage (the step is then skipped with reason `no_content`). Among items of the
 * resolved stage the lead has not viewed: the wanted topic first (with `lead_interest`, the
 * lead's topic when known, falling back to any topic), then the newest, then by id.
 */
export function pickContent(
  pick: ContentPick,
  facts: CampaignLeadFacts,
  catalogue: readonly CampaignContent[],
): CampaignContent | null {
  const stage = resolvePickStage(pick, facts.journeyStage);
  const viewed = new Set(facts.viewedContentIds);
  const candidates = catalogue.filter((c) => c.journeyStage === stage && !viewed.has(c.id));
  if (pick.topic === 'lead_interest' || pick.topic === 'any') {
    const topic = pick.topic === 'any' ? null : facts.interestTopic;
    return [...candidates].sort(byPreference(topic))[0] ?? null;
  }
  return candidates.filter((c) => c.topic === pick.topic).sort(byPreference(pick.topic))[0] ?? null;
}
