import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileCheck } from './compile-check';
import * as schemas from './index';
import { PageSchema } from './page';
import { AccountPageUrlSchema } from './partner';
import * as partnerSchemas from './partner-api';
import { PainPointViewSchema } from './payloads/community';
import { AT, PAIN_POINT_VIEW } from './test-support';

/** Schemas with parts the check leaves to zod: request payloads and queries with defaults, coercion or transforms. */
const LEFT_TO_ZOD = new Set([
  'CoLocatedRegistrantRowSchema',
  'CommentListParamsSchema',
  'CoverageParamsSchema',
  'EventListParamsSchema',
  'EventRegistrantListParamsSchema',
  'InvitationCodeRowSchema',
  'LimitSchema',
  'MembershipListParamsSchema',
  'ModerationQueueParamsSchema',
  'OrganizationListParamsSchema',
  'PainPointCreateSchema',
  'PainPointListParamsSchema',
  'PartnerKeyCreateSchema',
  'PartnerStatsParamsSchema',
  'ProgrammeProposalParamsSchema',
  'StakeholderListParamsSchema',
  'StandardListParamsSchema',
]);

type Schema = z.core.$ZodType;
interface Definition {
  type: string;
  checks?: Schema[];
  [key: string]: unknown;
}
const definitionOf = (schema: Schema) => schema._zod.def as unknown as Definition;

/** Every schema the package exports, by name, and the list envelope the SDK wraps items in. */
const exported: [string, Schema][] = [
  ...Object.entries({ ...schemas, ...partnerSchemas } as Record<string, unknown>).filter(
    (entry): entry is [string, Schema] => entry[0].endsWith('Schema') && typeof entry[1] === 'object',
  ),
  ['PageSchema(PainPointViewSchema)', PageSchema(PainPointViewSchema)],
];

const accepts = (schema: Schema, value: unknown) => z.safeParse(schema, value).success;

/** Values a check or a type might mishandle: wrong types, bounds, formats, blanks, astral characters. */
const oddValue = fc.constantFrom<unknown>(
  null,
  0,
  -1,
  1.5,
  1e21,
  '',
  ' ',
  'x',
  ' padded ',
  'x'.repeat(20_001),
  '😀'.repeat(200),
  '2016-07-13',
  AT,
  'SG',
  'zz',
  'water',
  true,
  {},
  [],
  { en: '' },
  { en: 'x', extra: 1 },
);

/** Values zod may accept for a schema (built from its definition; refinements may still fail). */
function arbitraryOf(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  // Refinements random strings rarely pass: real time zones, and dates `chronological` can compare.
  if (schema === schemas.TimeZoneSchema) return fc.constantFrom('Asia/Singapore', 'Europe/Zurich', 'UTC');
  // Account pages: https URLs (plain http on localhost only), with a path, query or fragment.
  if (schema === AccountPageUrlSchema) {
    return fc
      .tuple(
        fc.constantFrom('https://www.iec.ch', 'https://example.org:8443', 'http://localhost:5173'),
        fc.constantFrom('', '/', '/community', '/members/account?tab=mail', '/x#old'),
      )
      .map(([origin, rest]) => `${origin}${rest}`);
  }
  if (schema === schemas.DateTimeSchema) {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  const definition = definitionOf(schema);
  const checks = [
    ...((schema._zod.traits.has('$ZodCheck') ? [schema] : []) as Schema[]),
    ...(definition.checks ?? []),
  ].map(definitionOf);
  switch (definition.type) {
    case 'string': {
      const minLength = Math.max(0, ...checks.map((check) => Number(check.minimum ?? 0)));
      const maxLength = Math.min(30, ...checks.map((check) => Number(check.maximum ?? 30)));
      const pattern = checks.find((check) => check.pattern instanceof RegExp)?.pattern as RegExp | undefined;
      const trimmed = checks.some((check) => check.check === 'overwrite');
      const text = pattern
        ? fc.stringMatching(pattern)
        : fc.string({ minLength, maxLength, unit: 'grapheme' });
      // Trimmed as zod's overwrite leaves it, and padded back to the shortest length allowed.
      return text.map((value) => {
        const normalized = trimmed ? value.trim() : value;
        return normalized.length < minLength ? 'x'.repeat(minLength) : normalized;
      });
    }
    case 'number': {
      // A refined number here is an integer (`IntegerSchema`).
      const integer = checks.some((check) => check.check === 'custom');
      const minimum = checks.find((check) => check.check === 'greater_than')?.value as number | undefined;
      const maximum = checks.find((check) => check.check === 'less_than')?.value as number | undefined;
      const whole = fc.integer({ min: minimum ?? -1_000, max: maximum ?? 1_000_000 });
      if (integer) return whole;
      return fc.oneof(
        whole,
        fc.double({ min: minimum ?? -1e6, max: maximum ?? 1e6, noNaN: true, noDefaultInfinity: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
    case 'literal':
      return fc.constantFrom(...(schema._zod.values as Set<unknown>));
    case 'nullable':
      return fc.oneof(fc.constant(null), arbitraryOf(definition.innerType as Schema, depth));
    case 'optional':
      return fc.oneof(fc.constant(undefined), arbitraryOf(definition.innerType as Schema, depth));
    case 'default':
      return fc.oneof(fc.constant(undefined), arbitraryOf(definition.innerType as Schema, depth));
    case 'array':
      return fc.array(arbitraryOf(definition.element as Schema, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
    case 'record':
      return fc.dictionary(
        arbitraryOf(definition.keyType as Schema, depth + 1) as fc.Arbitrary<string>,
        arbitraryOf(definition.valueType as Schema, depth + 1),
        { maxKeys: 3 },
      );
    case 'union':
      return fc.oneof(...(definition.options as Schema[]).map((option) => arbitraryOf(option, depth)));
    case 'object': {
      const shape = definition.shape as Record<string, Schema>;
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, arbitraryOf(field, depth + 1)]),
      );
      // Added fields, as a newer server sends them.
      return fc
        .tuple(
          fc.record(fields),
          fc.dictionary(fc.constantFrom('addedLater', 'extra'), oddValue, { maxKeys: 1 }),
        )
        .map(([known, added]) => ({ ...added, ...known }));
    }
    default:
      // Pipes, transforms, coercion: anything; zod sorts it out.
      return oddValue;
  }
}

/** Every place in a JSON value, as a path of keys and indexes. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [path];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [path, ...entries.flatMap(([key, item]) => pathsOf(item, [...path, key]))];
}

/** The value with the place at `path` replaced by `replacement`, or removed when it is `undefined`. */
function mutate(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const next = mutate(copy[head], rest, replacement);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** As the SDK meets values: through JSON. */
const asJson = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

describe('compileCheck', () => {
  it('compiles every response schema; only request schemas with defaults, coercion or transforms are left to zod', () => {
    const leftToZod = exported.filter(([, schema]) => compileCheck(schema) === null).map(([name]) => name);
    expect(new Set(leftToZod)).toEqual(LEFT_TO_ZOD);
  });

  it.each(exported)('never accepts what zod rejects, and accepts what zod accepts: %s', (_name, schema) => {
    const check = compileCheck(schema);
    let validSamples = 0;
    let validAccepted = 0;
    let rejectedMutations = 0;
    const sample = fc.tuple(arbitraryOf(schema), fc.nat(), oddValue, fc.boolean());
    fc.assert(
      fc.property(sample, ([generated, place, odd, remove]) => {
        const valid = asJson(generated);
        if (accepts(schema, valid)) {
          validSamples++;
          if (check?.(valid)) validAccepted++;
        }
        const paths = pathsOf(valid);
        const path = paths[place % paths.length] ?? [];
        const mutated = asJson(mutate(valid, path, remove && path.length > 0 ? undefined : odd));
        const checked = check?.(mutated) ?? false;
        if (checked) expect(accepts(schema, mutated)).toBe(true);
        else rejectedMutations++;
      }),
      { numRuns: 150 },
    );
    if (check) {
      // The fast path is really taken: every valid sample passes the check.
      expect(validAccepted).toBe(validSamples);
      expect(validSamples).toBeGreaterThan(0);
    }
    expect(rejectedMutations).toBeGreaterThan(0);
  });

  it('answers like zod where the two could part: lengths in code points, bounds, trims, wrapped checks', () => {
    const cases: [Schema, unknown[]][] = [
      [z.string().check(z.maxLength(3)), ['abc', 'abcd', '😀😀😀', '😀😀😀😀', '\ud800ab', 3]],
      [z.string().check(z.minLength(2)), ['😀', 'ab', 'a', '😀😀', '\ud800']],
      [z.string().check(z.length(2)), ['😀😀', 'ab', '😀', 'abc']],
      [z.string().check(z.trim(), z.minLength(1)), ['a', '', 3]],
      [z.number().check(z.positive(), z.minimum(0)), [0, 1, -1, Number.NaN]],
      [z.number().check(z.maximum(5), z.lt(5)), [5, 4.9, 6]],
      [z.int(), [1, 1.5, 2 ** 53, -(2 ** 53)]],
      [z.uuid(), ['0f8fad5b-d9cb-469f-a165-70867728950e', 'not-a-uuid']],
      [z.iso.datetime(), ['2024-05-01T08:00:00Z', '2024-05-01']],
      [z.nullable(z.string()).check(z.refine((value) => value !== null, 'no null')), [null, 'a', 1]],
      [z.optional(z.string()).check(z.refine((value) => value !== undefined)), [undefined, 'a']],
      [z.union([z.string(), z.number().check(z.minimum(3))]), ['a', 3, 2, null]],
      [z.record(z.string().check(z.maxLength(2)), z.number()), [{ ab: 1 }, { abc: 1 }, { a: 'x' }, [], null]],
      [z.looseObject({ id: z.string() }), [{ id: 'a', more: 1 }, { more: 1 }]],
      [z.object({ toString: z.optional(z.string()), constructor: z.unknown() }), [{}, { toString: 'a' }]],
      [
        z.object({ maybe: z.optional(z.unknown()), always: z.unknown() }),
        [{}, { always: undefined }, { maybe: 1 }],
      ],
      [z.array(z.number()).check(z.minLength(1), z.maxLength(2)), [[], [1], [1, 2, 3], ['a']]],
    ];
    for (const [schema, inputs] of cases) {
      const check = compileCheck(schema);
      expect(check).not.toBeNull();
      for (const input of inputs) expect([input, check?.(input)]).toEqual([input, accepts(schema, input)]);
    }
  });

  it('accepts a value an overwrite would change only through zod, which returns it changed', () => {
    const schema = z.object({ city: z.string().check(z.trim(), z.minLength(1)) });
    expect(compileCheck(schema)?.({ city: 'Singapore' })).toBe(true);
    expect(compileCheck(schema)?.({ city: ' Singapore ' })).toBe(false);
    expect(z.parse(schema, { city: ' Singapore ' })).toEqual({ city: 'Singapore' });
  });

  it('checks objects whose keys come in any order, with keys added and absent', () => {
    const check = compileCheck(schemas.PainPointViewSchema);
    // An optional key absent (duplicateOf) as well as the required ones present.
    const { duplicateOf: _absent, ...painPoint } = PAIN_POINT_VIEW;
    const reversed = Object.fromEntries(Object.entries(painPoint).reverse());
    const { voteCount: _dropped, ...withoutVotes } = painPoint;
    expect(check?.(painPoint)).toBe(true);
    expect(check?.(reversed)).toBe(true);
    expect(check?.({ addedLater: 1, ...painPoint, voted: true })).toBe(true);
    expect(check?.({ ...painPoint, title: { fr: 'Passages inondés', en: ' ' } })).toBe(true);
    expect(check?.(withoutVotes)).toBe(false);
    expect(check?.({ ...withoutVotes, addedLater: 3 })).toBe(false);
    expect(check?.({ ...painPoint, title: { en: '  ' } })).toBe(false);
    expect(check?.({ ...painPoint, voted: 'yes' })).toBe(false);
  });

  it('leaves to zod what it does not model, and answers null for what is not a zod schema', () => {
    for (const schema of [
      z._default(z.string(), 'a'),
      z.pipe(
        z.string(),
        z.transform((value) => value.length),
      ),
      z.coerce.number(),
      z.strictObject({ id: z.string() }),
      z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]),
      z.string().check(z.superRefine(() => undefined)),
      z.url(),
      // A bound on a wrapper (zod skips it for undefined) is left to zod.
      z.optional(z.array(z.string())).check(z.maxLength(2) as z.core.$ZodCheck<string[] | undefined>),
    ]) {
      expect(compileCheck(schema)).toBeNull();
    }
    expect(compileCheck({ safeParse: () => ({ success: true, data: 1 }) })).toBeNull();
    expect(compileCheck(null)).toBeNull();
  });

  it('refuses async refinements and builds each check once', () => {
    const schema = z.string().check(z.refine(async () => true));
    expect(compileCheck(schema)?.('a')).toBe(false);
    expect(compileCheck(schemas.VoteResultSchema)).toBe(compileCheck(schemas.VoteResultSchema));
  });
});
