/**
 * A channel's mini-program code (issue 13 §4): `wxacode.getUnlimited` with the channel's scene and
 * landing page, kept in the channel's row. WeChat rate-limits the call (45009; 5,000 a minute for
 * the account), and a code never changes for a given scene and page, so it is fetched once: under
 * the channel's row lock, so that two first requests at once still make one call, and again only
 * when the landing page changed.
 */
import { CHANNEL_KIND_LABELS, CHANNEL_MESSAGES, type ChannelKind } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import { lockChannel, saveChannelCode } from '../../db/queries/channels.js';
import { mapWechatError } from '../auth/map-wechat-error.js';
import type { StaffAccess } from '../staff/staff-access.js';
import { findVisibleChannel } from './manage-channels.js';

/** Printed codes are scanned from a distance: WeChat's largest width. */
export const CHANNEL_CODE_WIDTH = 1280;

export interface ChannelCode {
  png: Uint8Array;
  /** What the download is saved as: `渠道码-<name>.png`. */
  fileName: string;
}

function toFileName(name: string, kind: ChannelKind): string {
  // Path separators and quotes have no place in a file name.
  const safe = name.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim();
  return `渠道码-${safe || CHANNEL_KIND_LABELS[kind]}.png`;
}

export async function getChannelCode(
  ctx: Pick<AppContext, 'db' | 'wechat'>,
  input: { access: StaffAccess; id: string },
): Promise<ChannelCode> {
  const visible = await findVisibleChannel(ctx, input.access, input.id);
  const fileName = toFileName(visible.name, visible.kind);
  return ctx.db.transaction(async (tx) => {
    const row = await lockChannel(tx, visible.id);
    if (!row) throw new Error(`channel ${visible.id} vanished`);
    if (row.codePng && row.codePage === row.landingPage) return { png: row.codePng, fileName };
    let png: Uint8Array;
    try {
      png = await ctx.wechat.getUnlimitedQrCode({ scene: row.scene, page: row.landingPage, width: CHANNEL_CODE_WIDTH });
    } catch (error) {
      throw mapWechatError(error, { 41030: CHANNEL_MESSAGES.codeUnavailable, 45009: CHANNEL_MESSAGES.codeUnavailable });
    }
    await saveChannelCode(tx, row.id, { png, page: row.landingPage });
    return { png, fileName };
  });
}
