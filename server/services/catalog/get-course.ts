/** `GET /api/courses/:id`: the course page (issue 14). */
import type { GetCourseResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { findCourse, listCampusRows } from '../../db/queries/catalog.js';
import { listCourseContentRows } from '../../db/queries/contents.js';
import { listTrialSessionRows } from '../../db/queries/trials.js';
import { AppError } from '../../http/app-error.js';
import { toTrialSession } from '../bookings/trial-session-view.js';
import { toSummary } from '../contents/read-contents.js';

/** Enough for a week or two of choice on one screen; the trial tab lists them all. */
const SESSIONS_SHOWN = 6;
const RELATED_SHOWN = 4;

export async function getCourse(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { id: string },
): Promise<GetCourseResponse> {
  const course = await findCourse(ctx.db, options.id);
  if (!course?.isActive) {
    throw new AppError('not_found', `Course ${options.id} not found`, { userMessage: '课程不存在或已下架' });
  }
  const topic = course.category ?? '';
  const [sessionRows, campusRows, contentRows] = await Promise.all([
    listTrialSessionRows(ctx.db, { from: ctx.now(), courseId: course.id }),
    listCampusRows(ctx.db),
    listCourseContentRows(ctx.db, { id: course.id, topic }, RELATED_SHOWN),
  ]);
  // The campuses where the course runs: those with its sessions (the catalogue has no other link).
  const campusIds = new Set(sessionRows.map((s) => s.campusId));
  return {
    course: {
      id: course.id,
      name: course.name,
      topic,
      summary: course.description ?? '',
      priceFen: course.priceFen ?? 0,
      audience: course.audience ?? '',
      format: course.format ?? '',
      syllabus: course.syllabus,
      campuses: campusRows
        .filter((c) => campusIds.has(c.id) && c.isActive)
        .map((c) => ({ id: c.id, name: c.name, city: c.city, address: c.address ?? '' })),
      sessions: sessionRows.slice(0, SESSIONS_SHOWN).map(toTrialSession),
      related: contentRows.map(toSummary),
    },
  };
}
