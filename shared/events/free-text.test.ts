import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ERASED_TEXT,
  scrubTouchpointProps,
  TOUCHPOINT_CODE_COLUMNS,
  TOUCHPOINT_CODE_PROPS,
  TOUCHPOINT_FREE_TEXT_COLUMNS,
  TOUCHPOINT_FREE_TEXT_PROPS,
} from './free-text.js';
import { type TouchpointEvent, touchpointEventSchema } from './touchpoint.js';

type Def = { type: string; format?: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under `optional` and `default` wrappers. */
function unwrap(schema: z.ZodType): Def {
  let def = defOf(schema);
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) def = defOf(def.innerType);
  return def;
}

/** Names of the fields that take any text (a string with no format such as uuid or datetime). */
const plainTextFields = (shape: Record<string, z.ZodType>) =>
  Object.entries(shape)
    .filter(([, schema]) => {
      const def = unwrap(schema);
      return def.type === 'string' && def.format === undefined;
    })
    .map(([name]) => name);

const eventSchemas = touchpointEventSchema.options.map((option) => {
  const shape = defOf(option).shape ?? {};
  const type = (defOf(shape.type as z.ZodType) as unknown as { values: string[] }).values[0] as string;
  return { type, shape, props: unwrap(shape.props as z.ZodType).shape ?? {} };
});

describe('touchpoint free text (issue 8 item 6)', () => {
  it('every plain-text prop of every touchpoint type is declared as free text or as a code', () => {
    const undeclared = eventSchemas.flatMap(({ type, props }) => {
      const free: Record<string, unknown> =
        TOUCHPOINT_FREE_TEXT_PROPS[type as keyof typeof TOUCHPOINT_FREE_TEXT_PROPS] ?? {};
      return plainTextFields(props)
        .filter((name) => !(name in free) && !(TOUCHPOINT_CODE_PROPS as readonly string[]).includes(name))
        .map((name) => `${type}.props.${name}`);
    });
    expect(undeclared).toEqual([]);
  });

  it('every plain-text column is declared as free text or as a code', () => {
    const declared: readonly string[] = [...TOUCHPOINT_FREE_TEXT_COLUMNS, ...TOUCHPOINT_CODE_COLUMNS];
    for (const { shape } of eventSchemas) {
      expect(plainTextFields(shape).filter((name) => !declared.includes(name))).toEqual([]);
    }
  });

  it('a scrubbed event holds none of its free text and still parses', () => {
    const secret = '张三13912345678';
    const events: TouchpointEvent[] = [
      {
        id: crypto.randomUUID(),
        type: 'page_view',
        occurredAt: new Date(0).toISOString(),
        props: { page: `/pages/x?name=${secret}` },
      },
      {
        id: crypto.randomUUID(),
        type: 'share',
        occurredAt: new Date(0).toISOString(),
        props: { page: `/p#${secret}`, target: 'friend' },
      },
      {
        id: crypto.randomUUID(),
        type: 'consultation_request',
        occurredAt: new Date(0).toISOString(),
        props: { topic: secret },
      },
      {
        id: crypto.randomUUID(),
        type: 'unsubscribe',
        occurredAt: new Date(0).toISOString(),
        props: { reason: secret },
      },
      {
        id: crypto.randomUUID(),
        type: 'advisor_note',
        occurredAt: new Date(0).toISOString(),
        props: { advisorId: crypto.randomUUID(), note: secret },
      },
    ];
    for (const event of events) {
      const props = scrubTouchpointProps(event.type, event.props);
      expect(JSON.stringify(props)).not.toContain('13912345678');
      expect(JSON.stringify(props)).not.toContain('张三');
      expect(touchpointEventSchema.safeParse({ ...event, props }).success).toBe(true);
    }
    expect(scrubTouchpointProps('advisor_note', { note: secret, advisorId: 'x' })).toMatchObject({ note: ERASED_TEXT });
    expect(scrubTouchpointProps('page_view', { page: '/pages/index/index?x=1', durationMs: 5 })).toEqual({
      page: '/pages/index/index',
      durationMs: 5,
    });
  });

  it('leaves props without free text as they were', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (props) => {
        expect(scrubTouchpointProps('content_view', props)).toEqual(props);
      }),
    );
  });
});
