/**
 * The WeChat template id of each subscribe-template key for this installation (ADR 015): from
 * `WECHAT_TEMPLATE_IDS` when set, else the stand-in's ids (development, tests, the demo).
 */
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from '@scrm/shared';
import { z } from 'zod';
import type { Env } from '../../env.js';
import { STAND_IN_TEMPLATE_IDS_BY_KEY } from '../../wechat/stand-in/credentials.js';

export type TemplateIds = Readonly<Record<SubscribeTemplateKey, string>>;

const overridesSchema = z.partialRecord(z.enum(SUBSCRIBE_TEMPLATE_KEYS), z.string().min(1).max(128));

export function getTemplateIds(env: Pick<Env, 'WECHAT_TEMPLATE_IDS'>): TemplateIds {
  if (!env.WECHAT_TEMPLATE_IDS) return STAND_IN_TEMPLATE_IDS_BY_KEY;
  return { ...STAND_IN_TEMPLATE_IDS_BY_KEY, ...overridesSchema.parse(JSON.parse(env.WECHAT_TEMPLATE_IDS)) };
}
