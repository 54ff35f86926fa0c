// GET /api/staff/analytics/{volume,velocity,value,effectiveness,efficiency,attribution}[.csv] — the
// funnel measures of a period for managers (issue 15 §1–2), as JSON or as a CSV download.
import {
  analyticsAttributionQuerySchema,
  analyticsAttributionResponseSchema,
  analyticsEffectivenessQuerySchema,
  analyticsEffectivenessResponseSchema,
  analyticsEfficiencyQuerySchema,
  analyticsEfficiencyResponseSchema,
  analyticsSegmentQuerySchema,
  analyticsValueResponseSchema,
  analyticsVelocityQuerySchema,
  analyticsVelocityResponseSchema,
  analyticsVolumeResponseSchema,
} from '@scrm/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { AccessKey } from '../../http/access-table.js';
import { getStaffAccess, requireAccess } from '../../http/require-access.js';
import { type AnyRoute, defineRoute } from '../../http/route.js';
import {
  attributionCsv,
  effectivenessCsv,
  efficiencyCsv,
  valueCsv,
  velocityCsv,
  volumeCsv,
} from '../../services/analytics/measures-csv.js';
import {
  readAttribution,
  readEffectiveness,
  readEfficiency,
  readValue,
  readVelocity,
  readVolume,
} from '../../services/analytics/read-measures.js';
import type { StaffAccess } from '../../services/staff/staff-access.js';

type Measure = 'volume' | 'velocity' | 'value' | 'effectiveness' | 'efficiency' | 'attribution';

interface MeasureSpec<Q extends z.ZodType, R extends z.ZodType> {
  measure: Measure;
  summary: string;
  query: Q;
  response: R;
  read: (ctx: AppContext, query: z.output<Q>, campusIds: StaffAccess['campusIds']) => Promise<z.output<R>>;
  csv: (answer: z.output<R>) => string;
}

/** The JSON route and its `.csv` twin: one reading, two renderings. */
function defineMeasureRoutes<Q extends z.ZodType, R extends z.ZodType>(spec: MeasureSpec<Q, R>): AnyRoute[] {
  const path = `/staff/analytics/${spec.measure}`;
  const common = {
    method: 'get' as const,
    tags: ['analytics'],
    request: { query: spec.query },
    errors: ['validation_failed', 'unauthenticated', 'forbidden'] as const,
  };
  return [
    defineRoute({
      ...common,
      path,
      summary: spec.summary,
      response: spec.response,
      middleware: [requireAccess(`GET ${path}` as AccessKey)],
      handler: async ({ ctx, c, query }) =>
        (await spec.read(ctx, query as z.output<Q>, getStaffAccess(c).campusIds)) as z.input<R>,
    }),
    defineRoute({
      ...common,
      path: `${path}.csv`,
      summary: `${spec.summary} (CSV)`,
      description: 'UTF-8 with a byte-order mark, for Excel; the same figures as the JSON route.',
      response: z.string(),
      contentType: 'text/csv; charset=utf-8',
      middleware: [requireAccess(`GET ${path}.csv` as AccessKey)],
      handler: async ({ ctx, c, query }) => {
        const answer = await spec.read(ctx, query as z.output<Q>, getStaffAccess(c).campusIds);
        c.header(
          'content-disposition',
          `attachment; filename="${spec.measure}-${ctx.now().toISOString().slice(0, 10)}.csv"`,
        );
        return spec.csv(answer);
      },
    }),
  ] as AnyRoute[];
}

export const analyticsMeasureRoutes: readonly AnyRoute[] = [
  ...defineMeasureRoutes({
    measure: 'volume',
    summary: 'Leads per stage at the period end and arrivals in it (managers)',
    query: analyticsSegmentQuerySchema,
    response: analyticsVolumeResponseSchema,
    read: readVolume,
    csv: volumeCsv,
  }),
  ...defineMeasureRoutes({
    measure: 'velocity',
    summary: 'Average and median days from each stage to the next, per month (managers)',
    query: analyticsVelocityQuerySchema,
    response: analyticsVelocityResponseSchema,
    read: readVelocity,
    csv: velocityCsv,
  }),
  ...defineMeasureRoutes({
    measure: 'value',
    summary: 'Enrolment revenue, count, average order and revenue per lead (managers)',
    query: analyticsSegmentQuerySchema,
    response: analyticsValueResponseSchema,
    read: readValue,
    csv: valueCsv,
  }),
  ...defineMeasureRoutes({
    measure: 'effectiveness',
    summary: 'Stage-to-stage conversion by cohort month of entry (managers)',
    query: analyticsEffectivenessQuerySchema,
    response: analyticsEffectivenessResponseSchema,
    read: readEffectiveness,
    csv: effectivenessCsv,
  }),
  ...defineMeasureRoutes({
    measure: 'efficiency',
    summary: 'Cost per lead, MQL and customer, and ROI per campaign or channel (managers)',
    query: analyticsEfficiencyQuerySchema,
    response: analyticsEfficiencyResponseSchema,
    read: readEfficiency,
    csv: efficiencyCsv,
  }),
  ...defineMeasureRoutes({
    measure: 'attribution',
    summary: 'Enrolment revenue attributed to channels or campaigns by a model (managers)',
    query: analyticsAttributionQuerySchema,
    response: analyticsAttributionResponseSchema,
    read: readAttribution,
    csv: attributionCsv,
  }),
];
