// GET /api/courses — the courses a prospect can choose on the registration and trial pages.
import { listCoursesResponseSchema } from '@scrm/shared';
import { defineRoute } from '../../http/route.js';
import { listCourses } from '../../services/catalog/list-catalog.js';

export const listCoursesRoute = defineRoute({
  method: 'get',
  path: '/courses',
  summary: 'List courses',
  tags: ['catalog'],
  response: listCoursesResponseSchema,
  handler: ({ ctx }) => listCourses(ctx),
});
