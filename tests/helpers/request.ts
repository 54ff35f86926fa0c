/**
 * `request(app, path, options)`: one in-process HTTP call through `app.request()`, with the body
 * parsed. Every route test goes through it (or `testApp.request`).
 */
import type { App } from '../../server/app.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** A raw body (for malformed-JSON and size tests). */
  body?: string;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /**
   * The connection's peer address, as `@hono/node-server` would give it (ADR 007). Without it the
   * request has no connection, as any in-process `app.request()`, and no known client address.
   */
  remoteAddress?: string;
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `undefined` when the response is not JSON. */
  body: T;
  text: string;
}

export async function request<T = unknown>(
  app: App,
  path: string,
  options: RequestOptions = {},
): Promise<TestResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  // The bindings `getConnInfo` reads from a Node server's request (`c.env.incoming.socket`).
  const bindings = options.remoteAddress
    ? { incoming: { socket: { remoteAddress: options.remoteAddress } } }
    : undefined;
  const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }, bindings);
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: res.status, headers: res.headers, body: (isJson && text ? JSON.parse(text) : undefined) as T, text };
}
