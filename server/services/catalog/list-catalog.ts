/** The catalogue the registration and trial pages offer (`GET /api/courses`, `GET /api/campuses`). */
import type { ListCampusesResponse, ListCoursesResponse } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { listCampusRows, listCourseRows } from '../../db/queries/catalog.js';

export async function listCourses(ctx: Pick<AppContext, 'db'>): Promise<ListCoursesResponse> {
  const rows = await listCourseRows(ctx.db);
  return {
    courses: rows.map((c) => ({
      id: c.id,
      name: c.name,
      topic: c.category ?? '',
      summary: c.description ?? '',
      priceFen: c.priceFen ?? 0,
    })),
  };
}

export async function listCampuses(ctx: Pick<AppContext, 'db'>): Promise<ListCampusesResponse> {
  const rows = await listCampusRows(ctx.db);
  return { campuses: rows.map((c) => ({ id: c.id, name: c.name, city: c.city, address: c.address ?? '' })) };
}
