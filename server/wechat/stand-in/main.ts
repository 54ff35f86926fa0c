/** `tsx server/wechat/stand-in/main.ts [--port 3001]`: the WeChat stand-in on its own. */
import { parseArgs } from 'node:util';
import { startWechatStandIn } from './start-stand-in.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3001' } } });
const standIn = await startWechatStandIn({ port: Number(values.port) });
console.log(`WeChat stand-in at ${standIn.url} (login code dev-<name> → openid o_<name>)`);
