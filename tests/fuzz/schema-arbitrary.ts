/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: values that fit the schema
 * (to get past validation into the services) and values that almost fit (one field dropped, of the
 * wrong type, an extra property, a hostile string), to probe validation itself.
 *
 * Hand-written because the one npm package that does this (`json-schema-fast-check`, 0.0.x) is
 * unmaintained, and the document only uses the keywords `z.toJSONSchema` emits: type, enum,
 * const, format (uuid, date-time, date), pattern, min/max lengths and bounds, items, properties,
 * required, additionalProperties, anyOf/oneOf, default.
 */
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  examples?: unknown[];
};

export interface ArbitraryContext {
  /**
   * Ids seen in earlier responses, so that a path or body can name something that exists: by kind
   * (`course` for an id seen as `courses[].id` or `course.id`) when the field's name says which
   * (`courseId`), else any.
   */
  knownIds: (kind?: string) => readonly string[];
  /** The app's clock, so that event times can be plausible. */
  now: () => Date;
}

/** Strings a careless or hostile client sends: NUL, lone surrogates, huge, markup, SQL. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff',
    "'; drop table leads; --",
    '<script>',
    '%00',
    '..',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 300, maxLength: 2000 }),
);

/** `courseId` → `course`; `sessionId` → `session`; `id` → undefined (any kind). */
export const idKindOf = (name: string | undefined) => (name && /Id$/.test(name) ? name.slice(0, -2) : undefined);

const uuidFrom = (ctx: ArbitraryContext, name: string | undefined) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constant(null).chain(() => {
        const kind = idKindOf(name);
        const ids = (kind && ctx.knownIds(kind).length > 0 ? ctx.knownIds(kind) : ctx.knownIds()) ?? [];
        return ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid();
      }),
    },
    { weight: 1, arbitrary: fc.uuid() },
  );

const dateTimeFrom = (ctx: ArbitraryContext) =>
  fc.oneof(
    // Near the app's now, where plausible device times and upcoming sessions are.
    {
      weight: 4,
      arbitrary: fc
        .integer({ min: -3 * 86_400_000, max: 86_400_000 })
        .map((ms) => new Date(ctx.now().getTime() + ms).toISOString()),
    },
    {
      weight: 1,
      arbitrary: fc
        .date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('2100-01-01') })
        .map((d) => d.toISOString()),
    },
  );

function stringArbitrary(schema: JsonSchema, ctx: ArbitraryContext, name?: string): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return uuidFrom(ctx, name);
  if (schema.format === 'date-time') return dateTimeFrom(ctx);
  if (schema.format === 'date') return dateTimeFrom(ctx).map((s) => s.slice(0, 10));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 60);
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc
      .stringMatching(pattern)
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  // One in four plain strings carries a character that a schema allows but storage may not (NUL,
  // a lone surrogate): the class of input behind issue 8 item 1.
  const text = fc.string({ unit: 'grapheme', minLength, maxLength });
  const poisoned = fc
    .tuple(text, fc.constantFrom('\u0000', '\ud800', '\udc00'), fc.nat())
    .map(([base, odd, at]) => {
      const cut = base.length === 0 ? 0 : at % base.length;
      return `${base.slice(0, cut)}${odd}${base.slice(cut)}`.slice(0, Math.max(maxLength, 1));
    })
    .filter((value) => value.length >= minLength);
  return fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: poisoned });
}

function numberArbitrary(schema: JsonSchema, isInteger: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const low = Math.max(min, -Number.MAX_SAFE_INTEGER);
  const high = Math.min(max, Number.MAX_SAFE_INTEGER);
  if (isInteger) return fc.integer({ min: Math.ceil(low), max: Math.floor(high) });
  return fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(schema: JsonSchema, ctx: ArbitraryContext): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model = Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, validValue(sub, ctx, key)]));
  return fc.record(model, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

/** A value that fits `schema` (as far as the keywords above tell); `name` is the field's, if any. */
export function validValue(schema: JsonSchema, ctx: ArbitraryContext, name?: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  // A documented example is valid by definition (a transform can hide the format from the schema).
  if (schema.examples?.length) {
    const { examples, ...rest } = schema;
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...examples) },
      { weight: 1, arbitrary: validValue(rest, ctx) },
    );
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((option) => validValue(option, ctx, name)));
  if (schema.allOf?.[0]) return validValue(schema.allOf[0], ctx, name);
  const types = [schema.type ?? []].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, ctx, name)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema, ctx, name);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(schema.items ?? {}, ctx), {
        minLength,
        maxLength: Math.min(schema.maxItems ?? 5, minLength + 5),
      });
    }
    case 'object':
      return objectArbitrary(schema, ctx);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value that fits `schema` except for one thing, somewhere inside it. */
export function almostValidValue(schema: JsonSchema, ctx: ArbitraryContext): fc.Arbitrary<unknown> {
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((option) => almostValidValue(option, ctx)));
  const types = [schema.type ?? []].flat();
  if (types[0] === 'object' && schema.properties && Object.keys(schema.properties).length > 0) {
    const keys = Object.keys(schema.properties);
    return fc.tuple(objectArbitrary(schema, ctx), fc.constantFrom(...keys), fc.nat(3)).chain(([object, key, how]) => {
      const sub = schema.properties?.[key] ?? {};
      if (how === 0) {
        const { [key]: _dropped, ...rest } = object;
        return fc.constant(rest);
      }
      if (how === 1) return fc.constant({ ...object, [`x${key}`]: 1 });
      return almostValidValue(sub, ctx).map((value) => ({ ...object, [key]: value }));
    });
  }
  if (types[0] === 'array' && schema.items) {
    return fc
      .tuple(validValue(schema, ctx) as fc.Arbitrary<unknown[]>, almostValidValue(schema.items, ctx))
      .map(([items, odd]) => [...items, odd]);
  }
  return fc.oneof(hostileString, fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(null, -1, 1e308, true, [], {}));
}

/** Mostly values that fit, some that almost fit, a few of anything at all. */
export function fuzzValue(schema: JsonSchema, ctx: ArbitraryContext): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: validValue(schema, ctx) },
    { weight: 3, arbitrary: almostValidValue(schema, ctx) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
