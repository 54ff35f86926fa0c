/** Campaign rows, versions and the manager's counts (issue 13 §3). */
import type { CampaignDocument, SubscribeTemplateKey } from '@scrm/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { campaigns, campaignVersions } from '../schema/index.js';
import { audienceToSql } from './campaign-audience-sql.js';
import { campaignFactsRelation } from './campaign-facts.js';
import { exitReasonSql } from './campaign-planning.js';
import { selectRows } from './raw-sql.js';

type Db = Database | Transaction;
export type CampaignRow = typeof campaigns.$inferSelect;

export function listCampaignRows(db: Db): Promise<CampaignRow[]> {
  return db.select().from(campaigns).orderBy(asc(campaigns.createdAt), asc(campaigns.key));
}

export async function findCampaignRow(db: Db, id: string): Promise<CampaignRow | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row ?? null;
}

export async function findCampaignKeys(db: Db): Promise<Set<string>> {
  return new Set((await db.select({ key: campaigns.key }).from(campaigns)).map((r) => r.key));
}

/** A new campaign with its first version. */
export async function insertCampaign(
  tx: Transaction,
  input: { document: CampaignDocument; builtInKey: string | null; status: CampaignRow['status']; now: Date },
): Promise<CampaignRow> {
  const { document, now } = input;
  const [row] = await tx
    .insert(campaigns)
    .values({
      key: document.key,
      name: document.name,
      status: input.status,
      version: document.version,
      document: document as unknown as Record<string, unknown>,
      builtInKey: input.builtInKey,
      activatedAt: input.status === 'active' ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('campaign insert returned nothing');
  await tx.insert(campaignVersions).values({
    campaignId: row.id,
    version: document.version,
    document: row.document,
    createdAt: now,
  });
  return row;
}

/** Saves `document` as the campaign's next version (the caller set `version`). */
export async function saveCampaignVersion(
  tx: Transaction,
  id: string,
  document: CampaignDocument,
  now: Date,
): Promise<CampaignRow | null> {
  const json = document as unknown as Record<string, unknown>;
  const [row] = await tx
    .update(campaigns)
    .set({ document: json, version: document.version, name: document.name, updatedAt: now })
    .where(eq(campaigns.id, id))
    .returning();
  if (row)
    await tx
      .insert(campaignVersions)
      .values({ campaignId: id, version: document.version, document: json, createdAt: now });
  return row ?? null;
}

export async function updateCampaignStatus(
  db: Db,
  id: string,
  patch: Partial<Pick<CampaignRow, 'status' | 'activatedAt' | 'pausedAt' | 'archivedAt'>>,
  now: Date,
  /** Only when the status is still one of these (a concurrent change wins, the caller says 409). */
  fromStatuses: readonly CampaignRow['status'][],
): Promise<CampaignRow | null> {
  const [row] = await db
    .update(campaigns)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(campaigns.id, id), inArray(campaigns.status, [...fromStatuses])))
    .returning();
  return row ?? null;
}

/** How many live leads a document's audience selects now, leaving out those its exit rules exclude. */
export async function countAudience(
  db: Db,
  document: Pick<CampaignDocument, 'audience' | 'exit' | 'timeBox'>,
  now: Date,
  templateIds: Readonly<Record<SubscribeTemplateKey, string>>,
): Promise<number> {
  const [row] = await selectRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from ${campaignFactsRelation()} f
      where ${audienceToSql(document.audience, { now, templateIds })}
        and ${exitReasonSql(document, now, templateIds, false)} is null`,
  );
  return Number(row?.n ?? 0);
}

export interface CampaignCountsRow {
  campaign_id: string;
  audience_size: number;
  members: number;
  sent: number;
  clicked: number;
  converted: number;
}

/** The list's counts for every campaign, in one statement. */
export function listCampaignCounts(db: Db) {
  return selectRows<CampaignCountsRow>(
    db,
    sql`
    select c.id::text as campaign_id,
      (select count(*)::int from campaign_members m where m.campaign_id = c.id) as audience_size,
      (select count(*)::int from campaign_members m where m.campaign_id = c.id and m.exited_at is null) as members,
      (select count(*)::int from message_outbox o where o.campaign_id = c.id::text and o.status = 'sent') as sent,
      (select count(distinct t.lead_id)::int from touchpoints t
        where t.campaign_id = c.id::text and t.type = 'message_clicked') as clicked,
      (select count(*)::int from campaign_members m where m.campaign_id = c.id and exists (
        select 1 from touchpoints t where t.lead_id = m.lead_id and t.type = 'enrolled' and t.occurred_at >= m.entered_at
      )) as converted
    from campaigns c`,
  );
}

export interface StepFunnelRow {
  step_id: string;
  variant: string | null;
  status: string;
  channel: string | null;
  n: number;
  clicked: number;
}

/**
 * Outbox rows of a campaign by step, variant, status and channel, with their clicks: an in-app
 * message opened on Me, or a subscribe message whose page the lead opened after it was sent (the
 * page reports the step it carries as `message_clicked`'s `stepId`). A send counts once however
 * often its page is opened; `received_at` is our clock, so a device's clock cannot move a click
 * onto an earlier occurrence of the step (a reminder per booking).
 */
export function listStepFunnelRows(db: Db, campaignId: string) {
  return selectRows<StepFunnelRow>(
    db,
    sql`
    select split_part(o.step_id, '@', 1) as step_id, o.variant, o.status, o.channel, count(*)::int as n,
      count(*) filter (where lm.read_at is not null or (o.channel = 'subscribe_message' and exists (
        select 1 from touchpoints t
        where t.campaign_id = o.campaign_id and t.lead_id = o.lead_id and t.type = 'message_clicked'
          and t.props->>'stepId' = split_part(o.step_id, '@', 1) and t.received_at >= o.sent_at
      )))::int as clicked
    from message_outbox o
    left join lead_messages lm on lm.outbox_id = o.id
    where o.campaign_id = ${campaignId}
    group by 1, 2, 3, 4`,
  );
}
