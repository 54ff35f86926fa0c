/**
 * Seeds the demo institution once (issue 4 item 8): campuses, courses, content by journey stage,
 * advisors, trial sessions over the coming three weeks, and leads with histories replayed through
 * the same `recordLeadSignals` the API uses, so their stages, scores and ledgers are real.
 * Historical leads (e.g. the X Education rows) are passed in: reading files is the caller's job.
 */
import { randomUUID } from 'node:crypto';
import { createLeadState, DEFAULT_SCORING_MODEL, type HistoricalLead, type ScoringSignal } from '@scrm/shared';
import type { Database } from '../../db/client.js';
import { insertContentFiles } from '../../db/queries/contents.js';
import {
  hasAnyCampus,
  insertAdvisors,
  insertCampuses,
  insertContents,
  insertCourses,
  insertLeads,
  insertTrialSessions,
} from '../../db/queries/seed.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import {
  DEMO_ADVISOR_NAMES,
  DEMO_CAMPUSES,
  DEMO_CONTENTS,
  DEMO_COURSES,
  DEMO_MANAGER_NAMES,
  demoContentBody,
  demoLeadName,
} from './demo-catalog.js';
import { createDemoPdf } from './demo-download.js';

const DAY_MS = 86_400_000;

export interface SeedReport {
  isSeeded: boolean;
  campuses: number;
  courses: number;
  contents: number;
  sessions: number;
  leads: number;
}

/** `progress(done, total)` is called while leads are replayed (the slow part). */
export async function seedDemoInstitution(
  db: Database,
  options: { now: Date; historicalLeads?: readonly HistoricalLead[]; progress?: (done: number, total: number) => void },
): Promise<SeedReport> {
  if (await hasAnyCampus(db)) return { isSeeded: false, campuses: 0, courses: 0, contents: 0, sessions: 0, leads: 0 };
  const { now } = options;
  const campuses = await insertCampuses(
    db,
    DEMO_CAMPUSES.map((c) => ({ ...c })),
  );
  const courses = await insertCourses(
    db,
    DEMO_COURSES.map((c) => ({ ...c })),
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
  const advisors = await insertAdvisors(db, [
    ...campuses.flatMap((campus, c) =>
      DEMO_ADVISOR_NAMES.slice(c * 2, c * 2 + 2).map((name) => ({ name, campusId: campus.id, capacity: 40 })),
    ),
    ...campuses.map((campus, c) => ({
      name: DEMO_MANAGER_NAMES[c] ?? '主管',
      campusId: campus.id,
      role: 'manager' as const,
    })),
  ]);
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
      const props =
        'advisorId' in signal.props ? { ...signal.props, advisorId: advisors[n % advisors.length]?.id } : signal.props;
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
  return {
    isSeeded: true,
    campuses: campuses.length,
    courses: courses.length,
    contents: contents.length,
    sessions: sessions.length,
    leads: historical.length,
  };
}
