// The checks `compileCheck` builds, as data, and the functions that walk them. A value is read
// once and never copied; see compile-check.ts for how a zod schema becomes these nodes.

export const ANY = 0;
export const STRING = 1;
export const NUMBER = 2;
export const BOOLEAN = 3;
export const VALUES = 4;
export const OBJECT = 5;
export const ARRAY = 6;
export const NULL = 7;
export const RECORD = 8;
export const UNION = 9;
export const UNDEFINED = 10;

/**
 * One schema as data, as `compileCheck` builds it. Every node has the same fields, so the functions
 * that walk them stay monomorphic: a closure per schema would make every call site megamorphic and
 * run slower than zod.
 */
export class CheckNode {
  kind = ANY;
  /** A value kind without refinements: checked by `testValue`, which does not recurse and so inlines. */
  simple = false;
  nullable = false;
  optional = false;
  /** String or array length, in UTF-16 units; strings in doubt are counted in code points as zod does. */
  minLength = 0;
  maxLength = Number.POSITIVE_INFINITY;
  patterns: RegExp[] | null = null;
  minimum = Number.NEGATIVE_INFINITY;
  maximum = Number.POSITIVE_INFINITY;
  exclusiveMinimum = false;
  exclusiveMaximum = false;
  integer = false;
  values: unknown[] | null = null;
  /** Refinements and `overwrite`s (which must leave the value as it is), run after the type checks. */
  predicates: ((value: unknown) => unknown)[] | null = null;
  /** Object: shape keys, their nodes, whether each is required, and where each key is in the shape. */
  keys: string[] = [];
  fields: CheckNode[] = [];
  required: boolean[] = [];
  requiredCount = 0;
  fieldIndex: Map<string, number> | null = null;
  /** Object: false when a shape key is inherited by every object (`toString`): absent keys are probed. */
  byEnumeration = false;
  /**
   * Object: the key order of the first object checked (JSON from one server repeats it), each
   * key's field (-1: an unknown key), and how many required keys come before each position.
   */
  order: string[] | null = null;
  slots: number[] = [];
  requiredBefore: number[] = [];
  /** Array element, record value, record key. */
  element: CheckNode | null = null;
  key: CheckNode | null = null;
  options: CheckNode[] = [];
}

/**
 * Whether a JSON value passes a compiled node: what `compileCheck` returns calls this.
 *
 * @example
 * test(node, JSON.parse(body)); // true or false
 */
export function test(node: CheckNode, value: unknown): boolean {
  return node.simple ? testValue(node, value) : testNested(node, value);
}

/** Values without refinements; no recursion, so the loops over fields and elements inline it. */
function testValue(node: CheckNode, value: unknown): boolean {
  if (value === null) {
    if (node.nullable) return true;
  } else if (value === undefined && node.optional) return true;
  switch (node.kind) {
    case ANY:
      return true;
    case STRING: {
      if (typeof value !== 'string' || !lengthFits(node, value)) return false;
      const patterns = node.patterns;
      if (patterns !== null) {
        for (let index = 0; index < patterns.length; index++) {
          const pattern = patterns[index] as RegExp;
          pattern.lastIndex = 0;
          if (!pattern.test(value)) return false;
        }
      }
      return true;
    }
    case NUMBER:
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (node.exclusiveMinimum ? value <= node.minimum : value < node.minimum) return false;
      if (node.exclusiveMaximum ? value >= node.maximum : value > node.maximum) return false;
      return !node.integer || Number.isSafeInteger(value);
    case BOOLEAN:
      return typeof value === 'boolean';
    case VALUES: {
      // A short list compares faster than a Set hashes; enums here have a few values.
      const values = node.values as unknown[];
      for (let index = 0; index < values.length; index++) {
        if (values[index] === value) return true;
      }
      return false;
    }
    case NULL:
      return value === null;
    case UNDEFINED:
      return value === undefined;
    default:
      return false;
  }
}

/** Objects, arrays, records, unions, and anything with refinements. */
function testNested(node: CheckNode, value: unknown): boolean {
  // A refinement belongs to what nullable and optional wrap: null and undefined skip it, as in zod.
  if (value === null) {
    if (node.nullable) return true;
  } else if (value === undefined && node.optional) return true;
  switch (node.kind) {
    case OBJECT:
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      if (!testObject(node, value as Record<string, unknown>)) return false;
      break;
    case ARRAY: {
      if (!Array.isArray(value)) return false;
      if (value.length < node.minLength || value.length > node.maxLength) return false;
      const element = node.element as CheckNode;
      for (let index = 0; index < value.length; index++) {
        if (!test(element, value[index])) return false;
      }
      break;
    }
    case RECORD:
      if (!testRecord(node, value)) return false;
      break;
    case UNION: {
      let matched = false;
      for (const option of node.options) {
        if (test(option, value)) {
          matched = true;
          break;
        }
      }
      if (!matched) return false;
      break;
    }
    default:
      if (!testValue(node, value)) return false;
  }
  const predicates = node.predicates;
  if (predicates !== null) {
    for (let index = 0; index < predicates.length; index++) {
      const result = (predicates[index] as (value: unknown) => unknown)(value);
      // An async refinement cannot be answered synchronously: leave it to zod.
      if (result !== true && (!result || result instanceof Promise)) return false;
    }
  }
  return true;
}

/** Length as zod measures it: arrays in elements, strings in code points (UTF-16 units bound them). */
function lengthFits(node: CheckNode, value: string): boolean {
  const units = value.length;
  if (units >= node.minLength * 2 && units <= node.maxLength) return true;
  if (units < node.minLength) return false;
  let codePoints = 0;
  for (const _ of value) codePoints++;
  return codePoints >= node.minLength && codePoints <= node.maxLength;
}

function testObject(node: CheckNode, value: Record<string, unknown>): boolean {
  // Enumerating the keys reads each value through V8's enumeration cache, far faster than
  // looking up each shape key by name. JSON has no inherited or hidden keys, so an absent key is
  // one the enumeration does not meet (other prototypes, and keys in doubt, are probed below).
  if (node.byEnumeration && Object.getPrototypeOf(value) === Object.prototype) {
    if (node.order === null) learnOrder(node, value);
    const order = node.order as string[];
    const { fields, slots } = node;
    let position = 0;
    let inOrder = true;
    for (const key in value) {
      if (key !== order[position]) {
        inOrder = false;
        break;
      }
      const field = slots[position++] as number;
      if (field >= 0 && !test(fields[field] as CheckNode, value[key])) return false;
    }
    if (inOrder ? node.requiredBefore[position] === node.requiredCount : testByName(node, value)) return true;
  }
  // As zod reads them: `value[key]`, and `key in value` for absent keys.
  const { keys, fields, required } = node;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const field = value[key];
    if (field === undefined && !(key in value)) {
      if (required[index]) return false;
      continue;
    }
    if (!test(fields[index] as CheckNode, field)) return false;
  }
  return true;
}

/** Keys in another order than the learned one: each found in the shape by name. */
function testByName(node: CheckNode, value: Record<string, unknown>): boolean {
  const { fields, required } = node;
  const fieldIndex = node.fieldIndex as Map<string, number>;
  let requiredSeen = 0;
  for (const key in value) {
    const field = fieldIndex.get(key);
    if (field === undefined) continue;
    if (!test(fields[field] as CheckNode, value[key])) return false;
    if (required[field]) requiredSeen++;
  }
  return requiredSeen === node.requiredCount;
}

function learnOrder(node: CheckNode, value: Record<string, unknown>): void {
  const order: string[] = [];
  const slots: number[] = [];
  const requiredBefore = [0];
  const fieldIndex = node.fieldIndex as Map<string, number>;
  let required = 0;
  for (const key in value) {
    const field = fieldIndex.get(key) ?? -1;
    if (field >= 0 && node.required[field]) required++;
    order.push(key);
    slots.push(field);
    requiredBefore.push(required);
  }
  node.slots = slots;
  node.requiredBefore = requiredBefore;
  node.order = order;
}

function testRecord(node: CheckNode, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const key = node.key as CheckNode;
  const element = node.element as CheckNode;
  for (const [name, field] of Object.entries(value)) {
    // zod skips a `__proto__` key and tries numeric keys as numbers too; refusing is safe.
    if (name === '__proto__') continue;
    if (!test(key, name) || !test(element, field)) return false;
  }
  return true;
}
