/**
 * Managing channels (渠道, issue 13 §4): a manager creates, lists, reads, changes and archives the
 * channels of their campuses; an advisor reads their own business-card channels. A channel's id is
 * chosen here so that its scene (`encodeChannelScene`) is written with it, unique in the table.
 */
import { randomUUID } from 'node:crypto';
import {
  CHANNEL_MESSAGES,
  type ChannelDetailResponse,
  type ChannelResponse,
  type ChannelView,
  type CreateChannelRequest,
  channelDefinitionSchema,
  encodeChannelScene,
  type ListChannelsResponse,
  STAFF_MESSAGES,
  type UpdateChannelRequest,
} from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import { findCampus } from '../../db/queries/catalog.js';
import {
  type ChannelViewRow,
  type ChannelVisibility,
  countChannel,
  findChannelView,
  insertChannel,
  listChannelViews,
  lockChannel,
  updateChannel as writeChannel,
} from '../../db/queries/channels.js';
import { findStaffById } from '../../db/queries/staff.js';
import { AppError } from '../../http/app-error.js';
import { coversCampus, type StaffAccess } from '../staff/staff-access.js';

type Ctx = Pick<AppContext, 'db' | 'now'>;

/** A manager sees their campuses' channels; an advisor only the cards that are their own. */
export function toChannelVisibility(access: StaffAccess): ChannelVisibility {
  return access.role === 'manager' ? { campusIds: access.campusIds } : { advisorId: access.staffId };
}

export function toChannelView(row: ChannelViewRow): ChannelView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    campusId: row.campusId,
    campusName: row.campusName,
    campaignId: row.campaignId,
    advisorId: row.advisorId,
    advisorName: row.advisorName,
    landingPage: row.landingPage as ChannelView['landingPage'],
    scene: row.scene,
    codeUrl: `/api/staff/channels/${row.id}/code.png`,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const notFound = (id: string) =>
  new AppError('not_found', `Channel ${id} not found or not visible`, {
    userMessage: CHANNEL_MESSAGES.channelNotFound,
  });

/** Reads a channel the caller may see, or 404 (one outside their scope looks the same as none). */
export async function findVisibleChannel(ctx: Pick<Ctx, 'db'>, access: StaffAccess, id: string) {
  const row = await findChannelView(ctx.db, id, toChannelVisibility(access));
  if (!row) throw notFound(id);
  return row;
}

/** The campus must exist and be the manager's; the advisor (if any) an active advisor there. */
async function checkPlacement(tx: Transaction, access: StaffAccess, campusId: string, advisorId: string | null) {
  if (!coversCampus(access, campusId)) {
    throw new AppError('forbidden', `Campus ${campusId} is outside the manager's scope`, {
      userMessage: STAFF_MESSAGES.campusOutOfScope,
    });
  }
  if (!(await findCampus(tx, campusId))) {
    throw new AppError('validation_failed', 'campusId: unknown campus', {
      userMessage: CHANNEL_MESSAGES.campusNotFound,
    });
  }
  if (advisorId === null) return;
  const advisor = await findStaffById(tx, advisorId);
  const worksThere = advisor && (advisor.isAllCampuses || advisor.campusIds.includes(campusId));
  if (advisor?.role !== 'advisor' || !advisor.isActive || !worksThere) {
    throw new AppError('validation_failed', 'advisorId: not an active advisor of the campus', {
      userMessage: CHANNEL_MESSAGES.advisorNotInCampus,
    });
  }
}

export async function createChannel(
  ctx: Ctx,
  input: { access: StaffAccess; request: CreateChannelRequest },
): Promise<ChannelResponse> {
  const r = channelDefinitionSchema.parse(input.request);
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await checkPlacement(tx, input.access, r.campusId, r.advisorId ?? null);
    await insertChannel(tx, {
      id,
      name: r.name,
      kind: r.kind,
      campusId: r.campusId,
      campaignId: r.campaignId ?? null,
      advisorId: r.advisorId ?? null,
      landingPage: r.landingPage,
      scene: encodeChannelScene(id),
      createdByStaffId: input.access.staffId,
      createdAt: now,
      updatedAt: now,
    });
  });
  return { channel: toChannelView(await findVisibleChannel(ctx, input.access, id)) };
}

export async function listChannels(
  ctx: Ctx,
  input: { access: StaffAccess; archived: boolean },
): Promise<ListChannelsResponse> {
  const rows = await listChannelViews(ctx.db, toChannelVisibility(input.access), input.archived);
  return { channels: rows.map(toChannelView) };
}

export async function getChannel(ctx: Ctx, input: { access: StaffAccess; id: string }): Promise<ChannelDetailResponse> {
  const row = await findVisibleChannel(ctx, input.access, input.id);
  return { channel: toChannelView(row), counts: await countChannel(ctx.db, row.id) };
}

/** Changes a channel; its scene never changes, so codes already printed keep working. */
export async function updateChannel(
  ctx: Ctx,
  input: { access: StaffAccess; id: string; request: UpdateChannelRequest },
): Promise<ChannelResponse> {
  const { access, id, request: r } = input;
  await ctx.db.transaction(async (tx) => {
    const current = await lockChannel(tx, id);
    if (!current || !coversCampus(access, current.campusId)) throw notFound(id);
    if (current.archivedAt)
      throw new AppError('conflict', `Channel ${id} is archived`, { userMessage: CHANNEL_MESSAGES.archived });
    const next = {
      kind: r.kind ?? current.kind,
      campusId: r.campusId ?? current.campusId,
      advisorId: r.advisorId === undefined ? current.advisorId : r.advisorId,
    };
    if (next.kind === 'advisor_card' && next.advisorId === null) {
      throw new AppError('validation_failed', 'advisorId: an advisor card needs its advisor', {
        userMessage: CHANNEL_MESSAGES.advisorCardNeedsAdvisor,
      });
    }
    await checkPlacement(tx, access, next.campusId, next.advisorId);
    await writeChannel(tx, id, {
      ...next,
      ...(r.name !== undefined ? { name: r.name } : {}),
      ...(r.campaignId !== undefined ? { campaignId: r.campaignId } : {}),
      ...(r.landingPage !== undefined ? { landingPage: r.landingPage } : {}),
      updatedAt: ctx.now(),
    });
  });
  return { channel: toChannelView(await findVisibleChannel(ctx, access, id)) };
}

/** Archives a channel (again: no change). Its printed codes still attribute scans (ADR 020). */
export async function archiveChannel(ctx: Ctx, input: { access: StaffAccess; id: string }): Promise<ChannelResponse> {
  const { access, id } = input;
  await ctx.db.transaction(async (tx) => {
    const current = await lockChannel(tx, id);
    if (!current || !coversCampus(access, current.campusId)) throw notFound(id);
    if (!current.archivedAt) await writeChannel(tx, id, { archivedAt: ctx.now(), updatedAt: ctx.now() });
  });
  return { channel: toChannelView(await findVisibleChannel(ctx, access, id)) };
}
