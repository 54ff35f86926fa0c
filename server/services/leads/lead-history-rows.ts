/**
 * The stage transitions and score-ledger rows one `advanceLead` result stores for a lead, in one
 * place for the single-lead path (`recordLeadSignals`) and the set-wise one
 * (`recordLeadSignalsBatch`), so both write the same history.
 */
import type { AdvanceLeadResult, ScoringModel } from '@scrm/shared';
import type { ScoreLedgerInsert, StageTransitionInsert } from '../../db/queries/leads.js';
import { summarizeLedger } from './summarize-ledger.js';

export function toLeadHistoryRows(
  leadId: string,
  result: AdvanceLeadResult,
  model: ScoringModel,
  now: Date,
): { transitions: StageTransitionInsert[]; ledger: ScoreLedgerInsert[] } {
  const transitions: StageTransitionInsert[] = [
    ...result.lifecycleTransitions.map((t) => ({
      leadId,
      model: 'lifecycle' as const,
      fromStage: t.from,
      toStage: t.to,
      ordinal: t.ordinal,
      cause: { ruleId: t.ruleId, label: t.label, ...t.cause },
      at: new Date(t.at),
      // The service's clock, like touchpoints' `receivedAt`: the analytics fold's watermark (ADR 016).
      recordedAt: now,
    })),
    ...result.journeyTransitions.map((t) => ({
      leadId,
      model: 'journey' as const,
      fromStage: t.from,
      toStage: t.to,
      ordinal: t.ordinal,
      cause: { reason: t.reason },
      at: new Date(t.at),
      recordedAt: now,
    })),
  ];
  const ledger = summarizeLedger(result.ledger).map((e) => ({
    leadId,
    ...e,
    modelVersion: model.version,
    at: new Date(e.at),
  }));
  return { transitions, ledger };
}
