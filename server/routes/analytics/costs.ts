// /api/staff/analytics/costs — the marketing costs managers enter per campaign or channel and period.
import {
  MARKETING_COST_MESSAGES,
  marketingCostIdParamsSchema,
  marketingCostListQuerySchema,
  marketingCostListResponseSchema,
  marketingCostRequestSchema,
  marketingCostSchema,
} from '@scrm/shared';
import { z } from 'zod';
import {
  deleteMarketingCost,
  insertMarketingCost,
  listMarketingCosts,
  toMarketingCost,
  updateMarketingCost,
} from '../../db/queries/marketing-costs.js';
import { AppError } from '../../http/app-error.js';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { defineRoute } from '../../http/route.js';
import { costsCsv } from '../../services/analytics/measures-csv.js';

const tags = ['analytics'];
const notFound = () =>
  new AppError('not_found', 'Marketing cost not found', { userMessage: MARKETING_COST_MESSAGES.notFound });

export const listMarketingCostsRoute = defineRoute({
  method: 'get',
  path: '/staff/analytics/costs',
  summary: 'List marketing cost entries overlapping a period (managers)',
  tags,
  request: { query: marketingCostListQuerySchema },
  response: marketingCostListResponseSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/analytics/costs')],
  handler: async ({ ctx, query }) => ({ costs: (await listMarketingCosts(ctx.db, query)).map(toMarketingCost) }),
});

export const exportMarketingCostsRoute = defineRoute({
  method: 'get',
  path: '/staff/analytics/costs.csv',
  summary: 'Marketing cost entries as CSV (managers)',
  tags,
  request: { query: marketingCostListQuerySchema },
  response: z.string(),
  contentType: 'text/csv; charset=utf-8',
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('GET /staff/analytics/costs.csv')],
  handler: async ({ ctx, c, query }) => {
    c.header('content-disposition', 'attachment; filename="costs.csv"');
    return costsCsv((await listMarketingCosts(ctx.db, query)).map(toMarketingCost));
  },
});

export const postMarketingCostRoute = defineRoute({
  method: 'post',
  path: '/staff/analytics/costs',
  summary: 'Enter a marketing cost (institution-wide managers)',
  tags,
  status: 201,
  request: { json: marketingCostRequestSchema },
  response: marketingCostSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  middleware: [requireAccess('POST /staff/analytics/costs')],
  handler: async ({ ctx, c, json }) =>
    toMarketingCost(
      await insertMarketingCost(ctx.db, { ...json, enteredByStaffId: getStaffAccess(c).staffId, now: ctx.now() }),
    ),
});

export const putMarketingCostRoute = defineRoute({
  method: 'put',
  path: '/staff/analytics/costs/:id',
  summary: 'Correct a marketing cost (institution-wide managers)',
  tags,
  request: { params: marketingCostIdParamsSchema, json: marketingCostRequestSchema },
  response: marketingCostSchema,
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('PUT /staff/analytics/costs/:id')],
  handler: async ({ ctx, c, params, json }) => {
    const row = await updateMarketingCost(ctx.db, params.id, {
      ...json,
      enteredByStaffId: getStaffAccess(c).staffId,
      now: ctx.now(),
    });
    if (!row) throw notFound();
    return toMarketingCost(row);
  },
});

export const deleteMarketingCostRoute = defineRoute({
  method: 'delete',
  path: '/staff/analytics/costs/:id',
  summary: 'Delete a marketing cost (institution-wide managers)',
  tags,
  request: { params: marketingCostIdParamsSchema },
  response: z.object({ deleted: z.literal(true) }),
  errors: ['validation_failed', 'unauthenticated', 'forbidden', 'not_found'],
  middleware: [requireAccess('DELETE /staff/analytics/costs/:id')],
  handler: async ({ ctx, params }) => {
    if (!(await deleteMarketingCost(ctx.db, params.id))) throw notFound();
    return { deleted: true as const };
  },
});
