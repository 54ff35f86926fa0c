// GET /api/courses/:id — the course page: outline, price, campuses, next trial sessions, related content.
import { entityIdSchema, getCourseResponseSchema } from '@scrm/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import { getCourse } from '../../services/catalog/get-course.js';

export const getCourseRoute = defineRoute({
  method: 'get',
  path: '/courses/:id',
  summary: 'One course, for its page',
  tags: ['catalog'],
  request: { params: z.object({ id: entityIdSchema }) },
  response: getCourseResponseSchema,
  errors: ['validation_failed', 'not_found'],
  handler: ({ ctx, params }) => getCourse(ctx, { id: params.id }),
});
