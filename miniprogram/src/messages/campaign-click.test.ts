import { buildCampaignPagePath } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { getSubscribeMessageClick } from './campaign-click';

const CAMPAIGN = '5b1c7c6e-8a52-4c1e-9f43-6d1f2a3b4c5d';
const queryOf = (path: string) =>
  Object.fromEntries((path.split('?')[1] ?? '').split('&').map((pair) => pair.split('=') as [string, string]));

describe('getSubscribeMessageClick', () => {
  it('records a click for the campaign a subscribe message links to', () => {
    const link = { campaignId: CAMPAIGN, stepId: 'week 1', variant: 'b', channel: 'subscribe_message' as const };
    const path = buildCampaignPagePath({ to: 'content', contentId: 'c-1', link });
    expect(getSubscribeMessageClick(queryOf(path))).toEqual({
      campaignId: CAMPAIGN,
      channel: 'subscribe_message',
      props: { stepId: 'week 1', variant: 'b' },
    });
  });
  it('records nothing for an in-app message: the server counted it when it was marked read', () => {
    const link = { campaignId: CAMPAIGN, stepId: 'w1', variant: null, channel: 'in_app_message' as const };
    expect(getSubscribeMessageClick(queryOf(buildCampaignPagePath({ to: 'trial', link })))).toBeNull();
  });
  it('records nothing for a page opened without a campaign, or with half a link', () => {
    expect(getSubscribeMessageClick({ id: 'c-1' })).toBeNull();
    expect(getSubscribeMessageClick({ campaignId: CAMPAIGN, channel: 'subscribe_message' })).toBeNull();
  });
});
