// GET /api/campuses — the campuses a prospect can choose on the registration and trial pages.
import { listCampusesResponseSchema } from '@scrm/shared';
import { defineRoute } from '../../http/route.js';
import { listCampuses } from '../../services/catalog/list-catalog.js';

export const listCampusesRoute = defineRoute({
  method: 'get',
  path: '/campuses',
  summary: 'List campuses',
  tags: ['catalog'],
  response: listCampusesResponseSchema,
  handler: ({ ctx }) => listCampuses(ctx),
});
