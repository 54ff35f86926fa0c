/** The manager's views of campaigns (issue 13 §3): summaries with counts, and the detail with funnels. */
import {
  type CampaignDetailResponse,
  type CampaignSummary,
  parseCampaignDocument,
  type UnknownSend,
} from '@scrm/shared';
import type { CampaignCountsRow, CampaignRow, StepFunnelRow } from '../../db/queries/campaigns.js';

const NO_COUNTS = { audienceSize: 0, members: 0, sent: 0, clicked: 0, converted: 0 };

export function toCampaignSummary(row: CampaignRow, counts: CampaignCountsRow | undefined): CampaignSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    status: row.status,
    version: row.version,
    builtInKey: row.builtInKey,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    counts: counts
      ? {
          audienceSize: Number(counts.audience_size),
          members: Number(counts.members),
          sent: Number(counts.sent),
          clicked: Number(counts.clicked),
          converted: Number(counts.converted),
        }
      : NO_COUNTS,
  };
}

/** Per step: planned, sent by channel, opened in-app, and what did not go; per variant: sent and clicks. */
export function toCampaignDetail(
  row: CampaignRow,
  counts: CampaignCountsRow | undefined,
  funnelRows: readonly StepFunnelRow[],
  unknownSends: readonly UnknownSend[],
): CampaignDetailResponse {
  const document = parseCampaignDocument(row.document);
  const steps = document.steps.map((step) => {
    const own = funnelRows.filter((r) => r.step_id === step.id);
    const sum = (pick: (r: StepFunnelRow) => boolean, field: 'n' | 'clicked' = 'n') =>
      own.filter(pick).reduce((n, r) => n + Number(r[field]), 0);
    return {
      stepId: step.id,
      label: step.label,
      planned: sum(() => true),
      sentSubscribe: sum((r) => r.status === 'sent' && r.channel === 'subscribe_message'),
      sentInApp: sum((r) => r.status === 'sent' && r.channel === 'in_app_message'),
      clicked: sum(() => true, 'clicked'),
      skipped: sum((r) => r.status === 'skipped'),
      failed: sum((r) => r.status === 'failed'),
      unknown: sum((r) => r.status === 'unknown'),
      pending: sum((r) => r.status === 'pending' || r.status === 'sending'),
    };
  });
  const variants = new Map<string, { stepId: string; variant: string; sent: number; clicked: number }>();
  for (const r of funnelRows) {
    if (r.variant === null || r.status !== 'sent') continue;
    const key = `${r.step_id}|${r.variant}`;
    const v = variants.get(key) ?? { stepId: r.step_id, variant: r.variant, sent: 0, clicked: 0 };
    v.sent += Number(r.n);
    v.clicked += Number(r.clicked);
    variants.set(key, v);
  }
  return {
    campaign: { ...toCampaignSummary(row, counts), document },
    steps,
    variants: [...variants.values()].map((v) => ({ ...v, clickRate: v.sent === 0 ? 0 : v.clicked / v.sent })),
    unknownSends: [...unknownSends],
  };
}
