/**
 * The one HTTP app (hono), under `/api`. Built from its dependencies by `createApp(deps)`:
 * production builds it once per function instance (`server/runtime.ts`), tests build their own
 * (`tests/helpers`). Middleware order: request id → security headers → context → body limit →
 * route (unstorable text, auth, rate limits, validation, handler) → response; errors from any step
 * become the envelope (ADR 002).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { type AppDeps, type AppEnv, createContext } from './context.js';
import { limitBodySize } from './http/body-limit.js';
import { createErrorHandler, notFoundHandler } from './http/on-error.js';
import { buildOpenApiDocument } from './http/openapi.js';
import { requestId } from './http/request-id.js';
import { type AnyRoute, defineRoute, mountRoute } from './http/route.js';
import { apiSecurityHeaders } from './http/security-headers.js';
import { routes as allRoutes } from './routes/index.js';

export interface CreateAppOptions {
  /** The routes to mount; defaults to every route of the API. */
  routes?: readonly AnyRoute[];
}

export function createApp(deps: AppDeps, options: CreateAppOptions = {}) {
  // Generated on its first request, not at a cold start (ADR 014).
  let document: Record<string, unknown> | undefined;
  const routes: AnyRoute[] = [
    ...(options.routes ?? allRoutes),
    openApiRoute(() => (document ??= buildOpenApiDocument(routes, { title: '学途 SCRM API', version: '0.1.0' }))),
  ];

  const app = new Hono<AppEnv>().basePath('/api');
  app.use(requestId());
  app.use(apiSecurityHeaders());
  app.use(async (c, next) => {
    c.set('ctx', createContext(deps, c.get('requestId')));
    const started = performance.now();
    await next();
    c.var.ctx.logger.debug('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(limitBodySize());
  for (const route of routes) mountRoute(app, route);
  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}

export type App = ReturnType<typeof createApp>;

/** `GET /api/openapi.json`: part of the platform, listed in its own document like any route. */
function openApiRoute(getDocument: () => Record<string, unknown>) {
  return defineRoute({
    method: 'get',
    path: '/openapi.json',
    summary: 'The OpenAPI 3.1 document of this API, generated from the route schemas',
    tags: ['platform'],
    response: z.record(z.string(), z.unknown()),
    handler: () => getDocument(),
  });
}
