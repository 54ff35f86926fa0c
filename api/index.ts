// The one Vercel Node function: every /api/* request is rewritten here (vercel.json).
import { handle } from '@hono/node-server/vercel';
import { runtimeApp, warmUpRuntime } from '../server/runtime.js';

warmUpRuntime(); // builds the app while the platform brings the first request (ADR 014)
export default handle(runtimeApp);
