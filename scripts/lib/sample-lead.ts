/**
 * The JSON columns of a lead after 50 events over a month (score state, journey state, lifecycle
 * arrivals), built by the domain code itself: what the service writes per batch, so that plain
 * SQL in a bench writes values of the same size.
 */
import { randomUUID } from 'node:crypto';
import { advanceLead, createLeadState, DEFAULT_JOURNEY_MODEL, DEFAULT_SCORING_MODEL } from '@scrm/shared';

export function buildSampleLeadColumns(now = new Date()) {
  const start = now.getTime() - 30 * 86_400_000;
  const { state } = createLeadState({ at: new Date(start).toISOString(), model: DEFAULT_SCORING_MODEL });
  const signals = Array.from({ length: 50 }, (_, i) => {
    const occurredAt = new Date(start + i * 14 * 3_600_000).toISOString();
    const signal =
      i % 5 === 4
        ? {
            id: randomUUID(),
            type: 'content_view' as const,
            occurredAt,
            contentId: randomUUID(),
            props: { durationMs: 90_000 },
          }
        : {
            id: randomUUID(),
            type: 'page_view' as const,
            occurredAt,
            props: { page: '/pages/index/index', durationMs: 30_000 },
          };
    return { signal };
  });
  const result = advanceLead({
    state,
    signals,
    model: DEFAULT_SCORING_MODEL,
    journeyModel: DEFAULT_JOURNEY_MODEL,
    now,
  });
  return {
    scoreState: result.state.score,
    journeyState: { state: result.state.journey.state, arrivals: result.state.journey.arrivals },
    lifecycleArrivals: result.state.lifecycle.arrivals,
  };
}
