import { readCampaignLink } from '@scrm/shared';
import type { TrackFields } from '../tracking';

/**
 * The `message_clicked` a page records when a WeChat subscribe message opened it (issue 13 §1:
 * the link carries the campaign, step and variant). An in-app message's link gives `null`: the server
 * already recorded that click when the message was marked read, and counting it here would count
 * it twice.
 */
export function getSubscribeMessageClick(
  query: Readonly<Record<string, string | undefined>>,
): TrackFields<'message_clicked'> | null {
  const decoded: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) decoded[key] = value === undefined ? value : safeDecode(value);
  const link = readCampaignLink(decoded);
  if (link?.channel !== 'subscribe_message') return null;
  // The step and variant put the click on that step's funnel and that variant's result.
  return {
    campaignId: link.campaignId,
    channel: link.channel,
    props: { stepId: link.stepId, ...(link.variant ? { variant: link.variant } : {}) },
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
