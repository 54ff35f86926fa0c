/**
 * The environment a bench gives the function it measures: production mode, as deployed, with fresh
 * secrets and the WeChat stand-in's credentials (production refuses to start without a WeChat
 * pair, and the stand-in answers only its own).
 */
import { randomBytes } from 'node:crypto';
import { STAND_IN_CREDENTIALS } from '../../server/wechat/stand-in/credentials.js';

export function productionBenchEnv() {
  const secret = () => randomBytes(24).toString('hex');
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    AUTH_SECRET: secret(),
    CRON_SECRET: secret(),
    WECHAT_APPID: STAND_IN_CREDENTIALS.appId,
    WECHAT_SECRET: STAND_IN_CREDENTIALS.secret,
  } as const;
}
