// A validator that answers yes or no without building the copy zod's parse returns. Clients that
// receive a valid body (nearly always) keep it as received; zod runs only to explain a mismatch.
// It reads the same zod internals as `./object.ts`, so a zod upgrade is covered by the property
// test beside this file. Browsers get `./compile-check.browser.ts`, which never compiles.

import {
  ANY,
  ARRAY,
  BOOLEAN,
  CheckNode,
  NULL,
  NUMBER,
  OBJECT,
  RECORD,
  STRING,
  test,
  UNDEFINED,
  UNION,
  VALUES,
} from './check-node';

/** Answers whether a JSON value is valid for the schema the check was compiled from. */
export type JsonCheck = (value: unknown) => boolean;

/** The parts of a zod schema or check this reads (`schema._zod`). */
interface ZodInternals {
  def: { type?: string; check?: string; checks?: ZodLike[]; [key: string]: unknown };
  traits: Set<string>;
  values?: Set<unknown>;
  optin?: string;
  optout?: string;
}
interface ZodLike {
  _zod: ZodInternals;
}

/** Thrown while compiling when a schema uses something the check does not model; zod then decides. */
class Unsupported extends Error {}

// Formats whose zod check is exactly `pattern.test(value)`; the others (url, ipv6, base64, jwt,
// includes…) run code of their own.
const PATTERN_FORMATS: ReadonlySet<string> = new Set([
  'regex',
  'uuid',
  'guid',
  'email',
  'datetime',
  'date',
  'time',
  'duration',
  'cuid',
  'cuid2',
  'ulid',
  'xid',
  'ksuid',
  'nanoid',
  'emoji',
  'ipv4',
  'cidrv4',
  'e164',
  'lowercase',
  'uppercase',
]);

const checks = new WeakMap<object, JsonCheck | null>();

/**
 * Compiles a zod schema into a yes/no validator for JSON values (what `JSON.parse` returns): true
 * only if zod's `safeParse` would succeed. It builds no copy and no issue, so a valid value is
 * checked several times faster than zod parses it; unknown keys are allowed, as zod allows them
 * (zod strips them; keep the value as received to stay lenient to fields added later).
 *
 * Returns null when the schema is not a zod schema or uses anything the check does not model
 * (transforms, pipes, defaults, catch, lazy, discriminated unions, custom types, formats that run
 * code…): use zod. A false answer proves nothing either (some rare valid values are refused):
 * ask zod, which also says why. Built on first use and cached per schema. Refinements see the
 * value as received, with its unknown keys, where zod passes its stripped copy.
 *
 * @example
 * const check = compileCheck(PainPointViewSchema);
 * const painPoint = check?.(body) ? body : PainPointViewSchema.parse(body);
 */
export function compileCheck(schema: unknown): JsonCheck | null {
  if (!isZodSchema(schema)) return null;
  let check = checks.get(schema);
  if (check === undefined) {
    try {
      const node = compile(schema, new Set());
      check = (value) => test(node, value);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      check = null;
    }
    checks.set(schema, check);
  }
  return check;
}

function isZodSchema(value: unknown): value is ZodLike {
  const internals = (value as Partial<ZodLike> | null)?._zod;
  return typeof internals === 'object' && internals !== null && typeof internals.def === 'object';
}

function compile(schema: ZodLike, compiling: Set<ZodLike>): CheckNode {
  // A schema inside itself (a getter in a shape) would compile forever.
  if (compiling.has(schema)) throw new Unsupported();
  compiling.add(schema);
  const node = new CheckNode();
  let current = schema;
  // Nullable and optional wrappers without checks of their own become flags of what they wrap.
  for (;;) {
    const { def } = current._zod;
    if ((def.type !== 'nullable' && def.type !== 'optional') || def.checks?.length) break;
    const inner = def.innerType as ZodLike;
    if (def.type === 'nullable') node.nullable = true;
    else if (inner._zod.optin === 'defaulted') throw new Unsupported();
    else node.optional = true;
    current = inner;
  }
  compileType(node, current, compiling);
  const ownChecks = current._zod.traits.has('$ZodCheck') ? [current] : [];
  for (const check of [...ownChecks, ...(current._zod.def.checks ?? [])]) addCheck(node, check);
  node.simple = node.kind <= VALUES || node.kind === NULL || node.kind === UNDEFINED;
  node.simple &&= node.predicates === null;
  compiling.delete(schema);
  return node;
}

function compileType(node: CheckNode, schema: ZodLike, compiling: Set<ZodLike>): void {
  const { def, values } = schema._zod;
  if (def.coerce) throw new Unsupported();
  switch (def.type) {
    case 'string':
      node.kind = STRING;
      return;
    case 'number':
      node.kind = NUMBER;
      return;
    case 'boolean':
      node.kind = BOOLEAN;
      return;
    case 'null':
      node.kind = NULL;
      return;
    case 'unknown':
    case 'any':
      node.kind = ANY;
      return;
    case 'enum':
    case 'literal':
      if (!values) throw new Unsupported();
      node.kind = VALUES;
      node.values = [...values];
      return;
    case 'nullable':
    case 'optional': {
      // A wrapper with checks of its own: a union of what it wraps and null (or undefined), so
      // its checks run for null too, as in zod.
      const absent = new CheckNode();
      absent.kind = def.type === 'nullable' ? NULL : UNDEFINED;
      absent.simple = true;
      node.kind = UNION;
      node.options = [compile(def.innerType as ZodLike, compiling), absent];
      return;
    }
    case 'array':
      node.kind = ARRAY;
      node.element = compile(def.element as ZodLike, compiling);
      return;
    case 'object':
      compileObject(node, schema, compiling);
      return;
    case 'record': {
      const keyType = def.keyType as ZodLike;
      // Enum keys make every key required; loose records pass odd keys through: both left to zod.
      if (keyType._zod.values || def.mode === 'loose') throw new Unsupported();
      node.kind = RECORD;
      node.key = compile(keyType, compiling);
      node.element = compile(def.valueType as ZodLike, compiling);
      return;
    }
    case 'union':
      // Exclusive and discriminated unions (`inclusive: false`) choose differently.
      if (def.inclusive === false) throw new Unsupported();
      node.kind = UNION;
      node.options = (def.options as ZodLike[]).map((option) => compile(option, compiling));
      return;
    default:
      throw new Unsupported();
  }
}

function compileObject(node: CheckNode, schema: ZodLike, compiling: Set<ZodLike>): void {
  const { def } = schema._zod;
  const catchall = def.catchall as ZodLike | undefined;
  if (catchall && catchall._zod.def.type !== 'unknown' && catchall._zod.def.type !== 'any')
    throw new Unsupported();
  node.kind = OBJECT;
  node.fieldIndex = new Map();
  node.byEnumeration = true;
  for (const [key, field] of Object.entries(def.shape as Record<string, ZodLike>)) {
    // zod skips a `__proto__` key.
    if (key === '__proto__') continue;
    const { optin, optout } = field._zod;
    const optional = optin === 'optional' && optout === 'optional';
    if (optin !== undefined && !optional) throw new Unsupported();
    node.fieldIndex.set(key, node.keys.length);
    node.keys.push(key);
    node.fields.push(compile(field, compiling));
    node.required.push(!optional);
    if (!optional) node.requiredCount++;
    if (key in Object.prototype) node.byEnumeration = false;
  }
}

function addCheck(node: CheckNode, check: ZodLike): void {
  const { def, traits } = check._zod;
  // A check's `when` can only skip it, so always running it is as strict or stricter. Bounds and
  // patterns are read only for the kinds they apply to (a length on a union is left to zod).
  switch (def.check) {
    case 'min_length':
      requireKind(node, STRING, ARRAY);
      node.minLength = Math.max(node.minLength, def.minimum as number);
      return;
    case 'max_length':
      requireKind(node, STRING, ARRAY);
      node.maxLength = Math.min(node.maxLength, def.maximum as number);
      return;
    case 'length_equals':
      requireKind(node, STRING, ARRAY);
      node.minLength = Math.max(node.minLength, def.length as number);
      node.maxLength = Math.min(node.maxLength, def.length as number);
      return;
    case 'string_format':
      requireKind(node, STRING);
      if (!PATTERN_FORMATS.has(def.format as string) || !(def.pattern instanceof RegExp))
        throw new Unsupported();
      node.patterns ??= [];
      node.patterns.push(def.pattern);
      return;
    case 'greater_than':
      requireKind(node, NUMBER);
      if (typeof def.value !== 'number') throw new Unsupported();
      if (def.value > node.minimum) node.exclusiveMinimum = false;
      if (def.value >= node.minimum) {
        node.minimum = def.value;
        node.exclusiveMinimum ||= !def.inclusive;
      }
      return;
    case 'less_than':
      requireKind(node, NUMBER);
      if (typeof def.value !== 'number') throw new Unsupported();
      if (def.value < node.maximum) node.exclusiveMaximum = false;
      if (def.value <= node.maximum) {
        node.maximum = def.value;
        node.exclusiveMaximum ||= !def.inclusive;
      }
      return;
    case 'number_format':
      requireKind(node, NUMBER);
      if (def.format !== 'safeint') throw new Unsupported();
      node.integer = true;
      return;
    case 'custom': {
      // `z.refine` only: superRefine and `z.check` read and write the payload.
      if (!traits.has('$ZodCustom') || typeof def.fn !== 'function') throw new Unsupported();
      node.predicates ??= [];
      node.predicates.push(def.fn as (value: unknown) => unknown);
      return;
    }
    case 'overwrite': {
      // Accepted only when the value is already as the overwrite leaves it (`trim`). Objects could
      // be changed in place, so only values that cannot are checked this way.
      requireKind(node, STRING, NUMBER, BOOLEAN, VALUES);
      const transform = def.tx as (value: unknown) => unknown;
      node.predicates ??= [];
      node.predicates.push((value) => transform(value) === value);
      return;
    }
    default:
      throw new Unsupported();
  }
}

function requireKind(node: CheckNode, ...kinds: number[]): void {
  if (!kinds.includes(node.kind)) throw new Unsupported();
}
