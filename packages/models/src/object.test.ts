import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { object } from './object';
import { PageSchema } from './page';
import { PainPointUpdateSchema } from './pain-point';
import { PainPointViewSchema } from './payloads/community';
import { AT, PAIN_POINT_VIEW } from './test-support';

const painPoint = PAIN_POINT_VIEW;

/** What a parse tells a caller: success, the output, and each issue's code, path and message. */
function outcome(schema: z.ZodMiniType, input: unknown, jitless: boolean) {
  const result = schema.safeParse(input, { jitless });
  return result.success
    ? { success: true, data: result.data }
    : {
        success: false,
        issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })),
      };
}

const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('en', 'water', 'open', 'SG', AT, '2016-07-13'),
  fc.dictionary(fc.constantFrom('en', 'fr', 'de', 'zh'), fc.oneof(fc.string({ maxLength: 8 }), fc.integer())),
);

/** The valid pain point with some fields replaced, removed or added. */
const mutatedPainPoint = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...Object.keys(painPoint), 'voted', 'extra', '__proto__'), anyValue, {
      maxKeys: 4,
    }),
    fc.subarray(Object.keys(painPoint), { maxLength: 3 }),
  )
  .map(([replaced, removed]) => {
    const value: Record<string, unknown> = { ...painPoint, ...replaced };
    for (const key of removed) delete value[key];
    return value;
  });

describe('object', () => {
  it('accepts, strips and reports exactly as zod’s interpreted parser does', () => {
    const page = PageSchema(PainPointViewSchema);
    fc.assert(
      fc.property(mutatedPainPoint, fc.oneof(fc.constant(null), fc.string()), (item, nextCursor) => {
        for (const [schema, input] of [
          [PainPointViewSchema, item],
          [page, { data: [painPoint, item], nextCursor }],
          [PainPointUpdateSchema, item],
        ] as const) {
          expect(outcome(schema, input, false)).toEqual(outcome(schema, input, true));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays lenient to fields the client does not know', () => {
    const parsed = PainPointViewSchema.parse({ ...painPoint, addedLater: { nested: true } });
    expect(parsed).toEqual(painPoint);
  });

  it('keeps optional, defaulted and checked fields as z.object does', () => {
    const shape = {
      name: z.string().check(z.minLength(2)),
      note: z.optional(z.string()),
      level: z._default(z.number(), 1),
    };
    const compiled = object(shape);
    const interpreted = z.object(shape);
    for (const input of [{ name: 'ab' }, { name: 'a', level: 'x' }, { note: 3 }, 'text', null, {}]) {
      expect(outcome(compiled, input, false)).toEqual(outcome(interpreted, input, false));
    }
  });

  it('is still a zod/mini object: shape, check and extend work', () => {
    const schema = object({ id: z.string() }).check(z.refine((value) => value.id !== 'x', 'not x'));
    expect(schema.shape.id).toBeDefined();
    expect(schema.safeParse({ id: 'x' }).success).toBe(false);
    expect(z.extend(object({ id: z.string() }), { n: z.number() }).parse({ id: 'a', n: 1 })).toEqual({
      id: 'a',
      n: 1,
    });
    expect(schema instanceof z.ZodMiniObject).toBe(true);
  });
});
