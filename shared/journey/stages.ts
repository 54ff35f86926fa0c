/** The buying-journey stages (SPEC §2.2): what the prospect is thinking, inferred from behaviour. */
export const JOURNEY_STAGES = ['unaware', 'exploring', 'considering', 'preferring', 'purchasing'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const JOURNEY_STAGE_LABELS: Record<JourneyStage, string> = {
  unaware: '安于现状',
  exploring: '探索认知',
  considering: '考虑',
  preferring: '偏好',
  purchasing: '购买',
};

export function isJourneyStage(value: string): value is JourneyStage {
  return (JOURNEY_STAGES as readonly string[]).includes(value);
}
