// The one Vercel Node function: every /api/* request is rewritten here (vercel.json).
import { getRequestListener } from '@hono/node-server';
import { runtimeFetch, warmUpRuntime } from '../server/runtime.js';

warmUpRuntime(); // builds the app while the platform brings the first request (ADR 014)
// `handle` of '@hono/node-server/vercel' is this listener around a hono app's `fetch`.
export default getRequestListener(runtimeFetch);
