import { describe, expect, it } from 'vitest';
import { buildCatalogue, buildLeadFacts } from './campaign-test-kit.js';
import { type ContentPick, contentPickSchema, pickContent, resolvePickStage } from './content-pick.js';

const at = new Date('2026-11-23T02:00:00Z');
const catalogue = buildCatalogue(at);
const pick = (p: Partial<ContentPick>) => contentPickSchema.parse({ stage: 'lead_stage', ...p });

describe('pickContent', () => {
  it("takes the lead's stage and topic first", () => {
    expect(pickContent(pick({}), buildLeadFacts(at), catalogue)?.id).toBe('c-explore-ielts');
    const kids = buildLeadFacts(at, { interestTopic: '少儿英语', journeyStage: 'considering' });
    expect(pickContent(pick({}), kids, catalogue)?.id).toBe('c-consider-kids');
  });

  it('hooks the next stage, reads unaware as exploring and stops at the last stage', () => {
    expect(resolvePickStage(pick({ stage: 'next_stage' }), 'exploring')).toBe('considering');
    expect(resolvePickStage(pick({}), 'unaware')).toBe('exploring');
    expect(resolvePickStage(pick({ stage: 'next_stage' }), 'purchasing')).toBe('purchasing');
    expect(pickContent(pick({ stage: 'next_stage' }), buildLeadFacts(at), catalogue)?.id).toBe('c-consider-ielts');
  });

  it('sends something new: viewed content is left out, another topic is the fallback, else nothing', () => {
    const viewed = buildLeadFacts(at, { viewedContentIds: ['c-explore-ielts'] });
    expect(pickContent(pick({}), viewed, catalogue)?.id).toBe('c-explore-kids');
    const seenAll = buildLeadFacts(at, { viewedContentIds: ['c-explore-ielts', 'c-explore-kids'] });
    expect(pickContent(pick({}), seenAll, catalogue)).toBeNull();
    expect(pickContent(pick({ topic: '少儿英语', stage: 'preferring' }), buildLeadFacts(at), catalogue)).toBeNull();
  });

  it('prefers the newest of equals, then the smaller id', () => {
    const newer = {
      ...catalogue[0],
      id: 'c-newer',
      publishedAt: new Date(at.getTime() + 1000),
    } as (typeof catalogue)[0];
    expect(pickContent(pick({}), buildLeadFacts(at), [...catalogue, newer])?.id).toBe('c-newer');
    const twin = { ...catalogue[0], id: 'c-a-twin' } as (typeof catalogue)[0];
    expect(pickContent(pick({}), buildLeadFacts(at), [...catalogue, twin])?.id).toBe('c-a-twin');
  });
});
