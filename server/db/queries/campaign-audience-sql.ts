/**
 * Audience predicates as one SQL `WHERE` over the campaign facts relation (ADR 015 "Predicates map
 * to one SQL WHERE"). Every condition is wrapped in `coalesce(…, false)`, so a missing value is
 * false and `not` of it true, exactly as `matchesAudience` (shared/campaigns/audience.ts), which
 * is the reference this translation is property-tested against.
 */
import type { AudienceCondition, AudienceContext, AudiencePredicate, SubscribeTemplateKey } from '@scrm/shared';
import { type SQL, sql } from 'drizzle-orm';

const DAY_MS = 86_400_000;

export interface AudienceSqlOptions extends AudienceContext {
  now: Date;
  /** The installation's WeChat template id of each template key (grants are stored by id). */
  templateIds: Readonly<Record<SubscribeTemplateKey, string>>;
  /** The facts relation's alias in the statement (default `f`). */
  alias?: string;
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]::text[]`;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

function conditionSql(condition: AudienceCondition, options: AudienceSqlOptions): SQL {
  const f = sql.raw(options.alias ?? 'f');
  const col = (name: string) => sql`${f}.${sql.raw(name)}`;
  const inList = (name: string, values: readonly string[]) => sql`${col(name)} = any(${textArray(values)})`;
  switch (condition.kind) {
    case 'lifecycle_stage':
      return inList('lifecycle_stage', condition.in);
    case 'journey_stage':
      return inList('journey_stage', condition.in);
    case 'campus':
      return inList('campus_id', condition.in);
    case 'course_interest':
      return inList('course_interest', condition.in);
    case 'role':
      return inList('role', condition.in);
    case 'source':
      return inList('source', condition.in);
    case 'score': {
      // float8 on both sides: the runner reads the same float4 column into a JS number.
      const parts = [sql`true`];
      if (condition.min !== undefined) parts.push(sql`${col('score_total')}::float8 >= ${condition.min}::float8`);
      if (condition.max !== undefined) parts.push(sql`${col('score_total')}::float8 <= ${condition.max}::float8`);
      return sql.join(parts, sql` and `);
    }
    case 'inactive': {
      const last = sql`coalesce(${col('last_activity_at')}, ${col('created_at')})`;
      const parts = [sql`${last} <= ${daysBefore(options.now, condition.minDays)}::timestamptz`];
      if (condition.maxDays !== undefined) {
        parts.push(sql`${last} > ${daysBefore(options.now, condition.maxDays + 1)}::timestamptz`);
      }
      return sql.join(parts, sql` and `);
    }
    case 'has_grant': {
      const key = condition.template ?? options.stepTemplate;
      if (key === undefined) return sql`false`;
      return sql`exists (select 1 from subscriptions s where s.lead_id = ${col('lead_id')}
        and s.template_id = ${options.templateIds[key]} and s.spent_count < s.granted_count)`;
    }
    case 'occurred_within': {
      const column = { registered: 'registered_at', trial_booked: 'trial_booked_at', enrolled: 'enrolled_at' }[
        condition.event
      ];
      return sql`${col(column)} >= ${daysBefore(options.now, condition.days)}::timestamptz`;
    }
    case 'trial_status':
      return inList('trial_status', condition.in);
    case 'tags':
      return sql`${col('tags')} && ${textArray(condition.anyOf)}`;
    default: {
      const never: never = condition;
      return never;
    }
  }
}

/**
 * The predicate as a boolean SQL expression over the facts relation (alias `f` unless told).
 *
 * @example sql`select lead_id from ${campaignFactsRelation()} f where ${audienceToSql(audience, { now, templateIds })}`
 */
export function audienceToSql(predicate: AudiencePredicate, options: AudienceSqlOptions): SQL {
  if ('kind' in predicate) return sql`coalesce(${conditionSql(predicate, options)}, false)`;
  if ('not' in predicate) return sql`(not ${audienceToSql(predicate.not, options)})`;
  const isAll = 'all' in predicate;
  const children = isAll ? predicate.all : predicate.any;
  if (children.length === 0) return isAll ? sql`true` : sql`false`;
  return sql`(${sql.join(
    children.map((child) => audienceToSql(child, options)),
    isAll ? sql` and ` : sql` or `,
  )})`;
}
