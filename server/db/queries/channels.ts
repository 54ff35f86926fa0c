/** Channels (渠道) and what is attributed to them (issue 13 §4, ADR 020). */
import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from '../client.js';
import { advisors, campuses, channels, leads, touchpoints } from '../schema/index.js';

type Db = Database | Transaction;
export type ChannelRow = typeof channels.$inferSelect;
export type ChannelInsert = typeof channels.$inferInsert;
/** What attribution needs of a channel: no image, no names. */
export type ChannelAttribution = Pick<ChannelRow, 'id' | 'scene' | 'kind' | 'campaignId' | 'advisorId'>;

/** Which channels a staff member may see: a manager's campuses, an advisor's own cards. */
export type ChannelVisibility = { campusIds: readonly string[] | 'all' } | { advisorId: string };

const advisor = alias(advisors, 'channel_advisor');

const viewColumns = {
  id: channels.id,
  name: channels.name,
  kind: channels.kind,
  campusId: channels.campusId,
  campusName: campuses.name,
  campaignId: channels.campaignId,
  advisorId: channels.advisorId,
  advisorName: advisor.name,
  landingPage: channels.landingPage,
  scene: channels.scene,
  archivedAt: channels.archivedAt,
  createdAt: channels.createdAt,
};
export type ChannelViewRow = {
  [K in keyof typeof viewColumns]: (typeof viewColumns)[K]['_']['notNull'] extends true
    ? (typeof viewColumns)[K]['_']['data']
    : (typeof viewColumns)[K]['_']['data'] | null;
};

function visibleTo(visibility: ChannelVisibility): SQL | undefined {
  if ('advisorId' in visibility) return eq(channels.advisorId, visibility.advisorId);
  if (visibility.campusIds === 'all') return undefined;
  return visibility.campusIds.length === 0 ? sql`false` : inArray(channels.campusId, [...visibility.campusIds]);
}

function selectViews(db: Db) {
  return db
    .select(viewColumns)
    .from(channels)
    .innerJoin(campuses, eq(campuses.id, channels.campusId))
    .leftJoin(advisor, eq(advisor.id, channels.advisorId));
}

export async function insertChannel(tx: Transaction, row: ChannelInsert): Promise<void> {
  await tx.insert(channels).values(row);
}

export async function updateChannel(tx: Transaction, id: string, update: Partial<ChannelInsert>): Promise<void> {
  await tx.update(channels).set(update).where(eq(channels.id, id));
}

export async function lockChannel(tx: Transaction, id: string): Promise<ChannelRow | null> {
  const [row] = await tx.select().from(channels).where(eq(channels.id, id)).for('no key update');
  return row ?? null;
}

export async function findChannelView(db: Db, id: string, visibility: ChannelVisibility) {
  const [row] = await selectViews(db).where(and(eq(channels.id, id), visibleTo(visibility)));
  return (row as ChannelViewRow | undefined) ?? null;
}

export async function listChannelViews(db: Db, visibility: ChannelVisibility, archived: boolean) {
  const rows = await selectViews(db)
    .where(and(visibleTo(visibility), archived ? isNotNull(channels.archivedAt) : isNull(channels.archivedAt)))
    .orderBy(desc(channels.createdAt), desc(channels.id));
  return rows as ChannelViewRow[];
}

/** The cached code, if any, with the page it opens (visibility is the caller's check). */
export async function findChannelCode(db: Db, id: string) {
  const [row] = await db
    .select({
      scene: channels.scene,
      landingPage: channels.landingPage,
      codePng: channels.codePng,
      codePage: channels.codePage,
      name: channels.name,
    })
    .from(channels)
    .where(eq(channels.id, id));
  return row ?? null;
}

export async function saveChannelCode(db: Db, id: string, code: { png: Uint8Array; page: string }): Promise<void> {
  await db.update(channels).set({ codePng: code.png, codePage: code.page }).where(eq(channels.id, id));
}

/** What a touchpoint's attribution reads of a channel. */
const ATTRIBUTION_COLUMNS = {
  id: channels.id,
  scene: channels.scene,
  kind: channels.kind,
  campaignId: channels.campaignId,
  advisorId: channels.advisorId,
};

/** The channels these scenes name (archived ones too: their printed codes are still out there). */
export async function findChannelsByScene(db: Db, scenes: readonly string[]): Promise<ChannelAttribution[]> {
  if (scenes.length === 0) return [];
  return db
    .select(ATTRIBUTION_COLUMNS)
    .from(channels)
    .where(inArray(channels.scene, [...scenes]));
}

export async function findChannelAttribution(db: Db, id: string): Promise<ChannelAttribution | null> {
  const [row] = await db.select(ATTRIBUTION_COLUMNS).from(channels).where(eq(channels.id, id));
  return row ?? null;
}

/**
 * A channel's counts: two index range scans (`touchpoints_channel_type_idx`,
 * `leads_source_channel_idx`), whatever the size of the tables.
 */
export async function countChannel(db: Db, id: string) {
  const [touches] = await db
    .select({
      scans:
        sql<number>`count(distinct ${touchpoints.leadId}) filter (where ${touchpoints.type} = 'page_view')`.mapWith(
          Number,
        ),
      registrations: sql<number>`count(*) filter (where ${touchpoints.type} = 'registration')`.mapWith(Number),
      bookings: sql<number>`count(*) filter (where ${touchpoints.type} = 'trial_booked')`.mapWith(Number),
    })
    .from(touchpoints)
    .where(
      and(eq(touchpoints.channelId, id), inArray(touchpoints.type, ['page_view', 'registration', 'trial_booked'])),
    );
  const [fromLeads] = await db
    .select({ newLeads: sql<number>`count(*)`.mapWith(Number) })
    .from(leads)
    .where(and(eq(leads.sourceChannelId, id), isNull(leads.mergedIntoLeadId)));
  return {
    scans: touches?.scans ?? 0,
    registrations: touches?.registrations ?? 0,
    bookings: touches?.bookings ?? 0,
    newLeads: fromLeads?.newLeads ?? 0,
  };
}
