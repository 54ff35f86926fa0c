/**
 * Seeds the demo institution once (issue 4 item 8): campuses, courses, content by journey stage,
 * trial sessions over the coming three weeks, leads with histories replayed through the same
 * `recordLeadSignals` the API uses, so their stages, scores and ledgers are real, and the demo
 * workbench's staff and assignments (issue 9 §1, `seed-demo-workbench.ts`). Never in production.
 * Historical leads (e.g. the X Education rows) are passed in: reading files is the caller's job.
 */
import { randomUUID } from 'node:crypto';
import { createLeadState, DEFAULT_SCORING_MODEL, type HistoricalLead, type ScoringSignal } from '@scrm/shared';
import type { Database } from '../../db/client.js';
import { insertContentFiles } from '../../db/queries/contents.js';
import {
  hasAnyCampus,
  insertCampuses,
  insertContents,
  insertCourses,
  insertLeads,
  insertTrialSessions,
} from '../../db/queries/seed.js';
import { seedBuiltInCampaigns } from '../campaigns/seed-built-in-campaigns.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { DEMO_CAMPUSES, DEMO_CONTENTS, DEMO_COURSES, demoContentBody, demoLeadName } from './demo-catalog.js';
import { createDemoPdf } from './demo-download.js';
import { assertDemoStaffAllowed, seedDemoWorkbench } from './seed-demo-workbench.js';

const DAY_MS = 86_400_000;

export interface SeedReport {
  isSeeded: boolean;
  campuses: number;
  courses: number;
  contents: number;
  sessions: number;
  leads: number;
  staff: number;
  assignedLeads: number;
  /** Built-in nurture tracks, active in the demo (issue 13). */
  campaigns: number;
}

/** Stands for whoever made the historical data set's calls (stored in `advisor_call` touchpoints). */
const HISTORICAL_ADVISOR_ID = '00000000-0000-4000-8000-000000000000';

/** `progress(done, total)` is called while leads are replayed (the slow part). */
export async function seedDemoInstitution(
  db: Database,
  options: {
    now: Date;
    /** `NODE_ENV`: the demo's staff can sign in through the stand-in, so production is refused. */
    nodeEnv: string;
    historicalLeads?: readonly HistoricalLead[];
    progress?: (done: number, total: number) => void;
  },
): Promise<SeedReport> {
  assertDemoStaffAllowed(options.nodeEnv);
  if (await hasAnyCampus(db)) {
    return {
      isSeeded: false,
      campuses: 0,
      courses: 0,
      contents: 0,
      sessions: 0,
      leads: 0,
      staff: 0,
      assignedLeads: 0,
      campaigns: 0,
    };
  }
  const { now } = options;
  const campuses = await insertCampuses(
    db,
    DEMO_CAMPUSES.map((c) => ({ ...c })),
  );
  const courses = await insertCourses(
    db,
    DEMO_COURSES.map((c) => ({ ...c, syllabus: [...c.syllabus] })),
  );
  const contents = await insertContents(
    db,
    DEMO_CONTENTS.map((item, i) => ({
      title: item.title,
      kind: item.kind,
      topic: item.topic,
      journeyStage: item.stage,
      summary: item.summary,
      body: demoContentBody(item),
      isGated: item.gatedFile !== undefined,
      courseId: courses.find((c) => c.category === item.topic)?.id ?? null,
      publishedAt: new Date(now.getTime() - (i + 1) * 2 * DAY_MS),
    })),
  );
  // The demo e-books' files, made now and served by the API behind the gate (ADR 009).
  await insertContentFiles(
    db,
    DEMO_CONTENTS.flatMap((item) => {
      const content = contents.find((c) => c.title === item.title);
      if (!item.gatedFile || !content) return [];
      const bytes = createDemoPdf(item.gatedFile.replace(/\.pdf$/, ''));
      return [
        {
          contentId: content.id,
          fileName: `${item.title}.pdf`,
          fileType: 'pdf' as const,
          byteSize: bytes.byteLength,
          bytes,
        },
      ];
    }),
  );
  // Two sessions a week per campus and course over three weeks, at 10:00 or 19:00 Shanghai time.
  const startOfToday = Math.floor((now.getTime() + 8 * 3600_000) / DAY_MS) * DAY_MS - 8 * 3600_000;
  const sessions = await insertTrialSessions(
    db,
    campuses.flatMap((campus, c) =>
      courses.slice(c * 2, c * 2 + 3).flatMap((course, k) =>
        [1, 4, 8, 11, 15, 18].map((day, n) => ({
          courseId: course.id,
          campusId: campus.id,
          title: `${course.name} 试听课`,
          startsAt: new Date(startOfToday + (day + k) * DAY_MS + ((n + k) % 2 === 0 ? 10 : 19) * 3600_000),
          capacity: 8 + ((c + k + n) % 3) * 2,
        })),
      ),
    ),
  );

  const historical = options.historicalLeads ?? [];
  const contentByStage = (stage: string) => contents.filter((c) => c.journeyStage === stage);
  for (const [n, past] of historical.entries()) {
    const campus = campuses[n % campuses.length];
    const course = courses[n % courses.length];
    const isRegistered = past.signals.some((s) => s.type === 'registration');
    const { state } = createLeadState({
      at: new Date(now.getTime() - 40 * DAY_MS).toISOString(),
      model: DEFAULT_SCORING_MODEL,
    });
    const [lead] = await insertLeads(db, [
      {
        name: isRegistered ? demoLeadName(n) : null,
        phone: isRegistered ? `13${String(800_000_000 + n * 7919).slice(0, 9)}` : null,
        consentPolicyVersion: isRegistered ? '2026-11' : null,
        consentAgreedAt: isRegistered ? now : null,
        campusId: campus?.id ?? null,
        source: 'import',
        scoreState: state.score,
        createdAt: new Date(now.getTime() - 40 * DAY_MS),
      },
    ]);
    if (!lead) continue;
    const stageOf = (i: number) => (['exploring', 'considering', 'preferring'] as const)[i % 3] ?? 'exploring';
    const signals = past.signals.map((signal, i): ScoringSignal => {
      const id = randomUUID();
      if (signal.type === 'advisor_return') return { ...signal, id };
      const pool = contentByStage(stageOf(n + i));
      const contentId = signal.contentId ? pool[i % pool.length]?.id : undefined;
      // The historical calls were made by somebody; the demo has no advisor then, so a fixed id.
      const props = 'advisorId' in signal.props ? { ...signal.props, advisorId: HISTORICAL_ADVISOR_ID } : signal.props;
      return { ...signal, id, ...(contentId ? { contentId } : {}), props } as ScoringSignal;
    });
    await db.transaction((tx) =>
      recordLeadSignals(tx, {
        leadId: lead.id,
        signals,
        profile: { ...past.profile, campusId: campus?.id, courseInterest: course?.id, city: campus?.city },
        now,
      }),
    );
    options.progress?.(n + 1, historical.length);
  }
  const workbench = await seedDemoWorkbench(db, {
    now,
    nodeEnv: options.nodeEnv,
    campusIds: campuses.map((c) => c.id),
    courseIds: courses.map((c) => c.id),
    contentIds: contents.map((c) => c.id),
  });
  const campaigns = await seedBuiltInCampaigns(db, { status: 'active', now });
  return {
    isSeeded: true,
    campaigns,
    staff: workbench.staff,
    assignedLeads: workbench.assigned,
    campuses: campuses.length,
    courses: courses.length,
    contents: contents.length,
    sessions: sessions.length,
    leads: historical.length,
  };
}
