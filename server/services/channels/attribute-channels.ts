/**
 * Channel attribution on the one signal path (issue 13 §4, ADR 020). The mini-program sends the
 * scanned code's scene as the visit's `channel`; here, inside the signal's transaction, a scene
 * that names a channel becomes that channel: the touchpoint's `channel` is the channel's kind
 * (`poster`, `advisor_card`: what routing and the workbench read), its campaign is the channel's
 * unless the event named one, and `channel_id` points at it. A touchpoint without a scene of its
 * own is attributed to the lead's first channel, so bookings and later visits count for the code
 * that brought the person.
 */
import { parseScene, type ScoringSignal } from '@scrm/shared';
import type { Transaction } from '../../db/client.js';
import { type ChannelAttribution, findChannelAttribution, findChannelsByScene } from '../../db/queries/channels.js';

export interface AttributedSignals {
  signals: ScoringSignal[];
  /** The channel each signal's scene names (`null`: none; the insert then takes the lead's first). */
  channelIdOf: (signalId: string) => string | null;
  /** The first channel a signal of this batch was scanned through, in batch order. */
  scanned: ChannelAttribution | null;
}

/** The scenes among `channel` values (anything else is an ordinary utm-like channel). */
function toScene(channel: string | undefined): string | null {
  return channel !== undefined && parseScene(channel).ok ? channel : null;
}

export async function attributeChannels(
  tx: Transaction,
  input: { signals: readonly ScoringSignal[] },
): Promise<AttributedSignals> {
  const scenes = new Set<string>();
  for (const s of input.signals) {
    const scene = s.type === 'advisor_return' ? null : toScene(s.channel);
    if (scene) scenes.add(scene);
  }
  const byScene = new Map((await findChannelsByScene(tx, [...scenes])).map((c) => [c.scene, c]));
  const channelIds = new Map<string, string>();
  let scanned: ChannelAttribution | null = null;
  const signals = input.signals.map((s): ScoringSignal => {
    if (s.type === 'advisor_return') return s;
    const channel = s.channel === undefined ? undefined : byScene.get(s.channel);
    if (!channel) return s;
    scanned ??= channel;
    channelIds.set(s.id, channel.id);
    return { ...s, channel: channel.kind, campaignId: s.campaignId ?? channel.campaignId ?? undefined };
  });
  return { signals, channelIdOf: (id) => channelIds.get(id) ?? null, scanned };
}

/**
 * The channel that brought a lead being registered (first touch): the one its earlier visits were
 * scanned through, else the one the registration's own `channel` scene names.
 */
export async function findFirstChannel(
  tx: Transaction,
  input: { sourceChannelId: string | null; channel: string | undefined },
): Promise<ChannelAttribution | null> {
  if (input.sourceChannelId) return findChannelAttribution(tx, input.sourceChannelId);
  const scene = toScene(input.channel);
  if (!scene) return null;
  const [found] = await findChannelsByScene(tx, [scene]);
  return found ?? null;
}

/** The advisor whose own card (渠道码 of kind `advisor_card`) first brought the lead, if it was one. */
export async function findCardAdvisor(
  tx: Transaction,
  input: { sourceChannelId: string | null; scanned: ChannelAttribution | null },
): Promise<string | null> {
  if (!input.sourceChannelId) return null;
  const channel =
    input.scanned?.id === input.sourceChannelId
      ? input.scanned
      : await findChannelAttribution(tx, input.sourceChannelId);
  return channel?.kind === 'advisor_card' ? channel.advisorId : null;
}
