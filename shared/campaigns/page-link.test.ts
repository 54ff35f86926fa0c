import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCampaignPagePath,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_DESTINATIONS,
  CAMPAIGN_PAGES,
  readCampaignLink,
} from './page-link.js';

const queryOf = (path: string) => Object.fromEntries(new URLSearchParams(path.split('?')[1]));

describe('campaign page links', () => {
  it('carry the campaign, step, variant and channel, read back as they were', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CAMPAIGN_DESTINATIONS),
        fc.uuid(),
        fc.string({ minLength: 1, maxLength: 32 }).filter((s) => s.trim() === s && s.length > 0),
        fc.option(fc.constantFrom('a', 'b', 'c2'), { nil: null }),
        fc.constantFrom(...CAMPAIGN_CHANNELS),
        (to, campaignId, stepId, variant, channel) => {
          const link = { campaignId, stepId, variant, channel };
          const path = buildCampaignPagePath({ to, contentId: 'c-1', link });
          expect(path.startsWith(`${CAMPAIGN_PAGES[to]}?`)).toBe(true);
          expect(path.startsWith('/')).toBe(false);
          expect(readCampaignLink(queryOf(path))).toEqual(link);
          expect(queryOf(path).id).toBe(to === 'content' ? 'c-1' : undefined);
        },
      ),
    );
  });

  it('a visit without a campaign, or with a foreign channel, reads as none', () => {
    expect(readCampaignLink({ id: 'c-1' })).toBeNull();
    expect(readCampaignLink({ campaignId: 'k', step: 's', channel: 'poster' })).toBeNull();
  });
});
