/**
 * Builders of campaign inputs for tests (SPEC §2.5). Pure: every time is given, nothing is random.
 */
import type { CampaignContent, CampaignLeadFacts, TrialFacts } from './lead-facts.js';

/** A registered, engaged lead with no owner, no booking and no grants, created at `at`. */
export function buildLeadFacts(at: Date, overrides: Partial<CampaignLeadFacts> = {}): CampaignLeadFacts {
  return {
    leadId: '6f1c2b9e-4d3a-4b8e-9c7d-2a1b3c4d5e6f',
    name: '王子涵',
    role: 'parent',
    lifecycleStage: 'engaged',
    lifecycleStageAt: at,
    journeyStage: 'exploring',
    journeyStageAt: at,
    scoreTotal: 20,
    campusId: 'campus-xuhui',
    courseInterest: 'course-ielts',
    courseName: '雅思 7 分冲刺班',
    interestTopic: '雅思',
    source: 'wechat_search',
    tags: [],
    createdAt: at,
    registeredAt: at,
    lastActivityAt: at,
    enrolledAt: null,
    ownerAdvisorId: null,
    ownerAcceptedAt: null,
    unsubscribedAt: null,
    erasedAt: null,
    grants: {},
    trial: null,
    viewedContentIds: [],
    ...overrides,
  };
}

/** A booked trial class starting at `startsAt`, booked two days before. */
export function buildTrialFacts(startsAt: Date, overrides: Partial<TrialFacts> = {}): TrialFacts {
  return {
    bookingId: 'b5a7c1d2-0e3f-4a5b-8c9d-1e2f3a4b5c6d',
    status: 'booked',
    bookedAt: new Date(startsAt.getTime() - 2 * 86_400_000),
    startsAt,
    courseName: '雅思 7 分冲刺班',
    campusName: '上海徐汇校区',
    campusAddress: '徐汇区漕溪北路 88 号 5 楼',
    ...overrides,
  };
}

/** A small catalogue in the shape of the demo's (`server/services/seed/demo-catalog.ts`). */
export function buildCatalogue(publishedAt: Date): CampaignContent[] {
  const item = (id: string, title: string, journeyStage: CampaignContent['journeyStage'], topic: string) => ({
    id,
    title,
    journeyStage,
    topic,
    publishedAt,
  });
  return [
    item('c-explore-ielts', '雅思和托福该怎么选？一文讲清区别', 'exploring', '雅思'),
    item('c-explore-kids', '孩子几岁开始学英语最好？', 'exploring', '少儿英语'),
    item('c-consider-ielts', '雅思备考白皮书（2026 版）', 'considering', '雅思'),
    item('c-consider-kids', '少儿英语课程怎么选：三种教学法对比', 'considering', '少儿英语'),
    item('c-prefer-ielts', '雅思冲刺班课程大纲与价格', 'preferring', '雅思'),
  ];
}
