import * as z from 'zod/mini';

/**
 * A value from a set the platform may extend (a domain, a status, an event type): one of the
 * values this version knows, or another string a newer server sends. `string & {}` keeps the
 * known values in editor completion; code that switches on it needs a default branch.
 *
 * @example
 * function label(domain: OpenEnum<Domain>): string {
 *   return isDomain(domain) ? DOMAIN_LABELS[domain] : domain;
 * }
 */
export type OpenEnum<Known extends string> = Known | (string & {});

/** What an open enum schema parses to, typed by its known values. */
export type OpenEnumSchema<Known extends string> = z.ZodMiniType<OpenEnum<Known>, OpenEnum<Known>>;

/**
 * A response-side enum: accepts any string, so an SDK already deployed keeps reading answers
 * after the server adds a value, while requests keep their strict `z.enum` (the server must
 * still refuse a domain it does not know). JSON Schema and OpenAPI show a string with the known
 * values under `x-extensible-enum` (Zalando's convention) rather than `enum`, which would tell
 * code generators the list is closed.
 *
 * @example
 * const PainPointSchema = object({ domain: openEnum(DOMAINS) });
 * PainPointSchema.parse({ domain: 'space' }).domain; // 'space', typed OpenEnum<Domain>
 */
export function openEnum<const Values extends readonly [string, ...string[]]>(
  values: Values,
): OpenEnumSchema<Values[number]> {
  // A plain string keeps the compiled response check (`compileCheck`) as cheap as before.
  return z.string().register(z.globalRegistry, { 'x-extensible-enum': [...values] }) as OpenEnumSchema<
    Values[number]
  >;
}

/**
 * Whether an open enum value is one of the known ones; narrows it to the known union.
 *
 * @example
 * if (isKnownValue(DOMAINS, painPoint.domain)) DOMAIN_LABELS[painPoint.domain];
 */
export function isKnownValue<const Known extends string>(
  values: readonly Known[],
  value: string | null | undefined,
): value is Known {
  return (values as readonly (string | null | undefined)[]).includes(value);
}
