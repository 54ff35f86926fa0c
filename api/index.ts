// The one Vercel Node function: every /api/* request is rewritten here (vercel.json).
import { handle } from '@hono/node-server/vercel';
import { runtimeApp } from '../server/runtime.js';

export default handle(runtimeApp);
