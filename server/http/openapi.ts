/**
 * The OpenAPI 3.1 document, generated from the route definitions (never written by hand): each
 * route's zod schemas become JSON Schema with zod 4's `z.toJSONSchema` (request schemas as their
 * input type, responses as their output type). Served at `GET /api/openapi.json`.
 */
import { ERROR_STATUS, errorEnvelopeSchema } from '@scrm/shared';
import { z } from 'zod';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** `/bookings/:id` → `/api/bookings/{id}`. */
const toOpenApiPath = (path: string) => `/api${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

function operation(route: AnyRoute) {
  const errorResponses = Object.fromEntries(
    [...new Set(['validation_failed', 'internal', ...(route.errors ?? [])] as const)].map((code) => [
      String(ERROR_STATUS[code]),
      {
        description: code,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
      },
    ]),
  );
  return {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.tags ? { tags: route.tags } : {}),
    parameters: [...parameters(route.request?.params, 'path'), ...parameters(route.request?.query, 'query')],
    ...(route.request?.json
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.request.json, 'input') } },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        [route.status ?? 200].flat().map((status) => [
          String(status),
          {
            description: 'OK',
            content: { [route.contentType ?? 'application/json']: { schema: toSchema(route.response, 'output') } },
          },
        ]),
      ),
      ...errorResponses,
    },
  };
}

export interface OpenApiInfo {
  title: string;
  version: string;
}

export function buildOpenApiDocument(routes: readonly AnyRoute[], info: OpenApiInfo) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: { schemas: { ErrorEnvelope: toSchema(errorEnvelopeSchema, 'output') } },
  };
}
