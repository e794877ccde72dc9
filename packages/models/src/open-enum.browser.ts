// Browsers never turn schemas into JSON Schema: the same open enums without the registry metadata
// (`x-extensible-enum`), which would cost every page that imports @wsc/models. The tsup browser
// build swaps this file in for `./open-enum`.
import * as z from 'zod/mini';
import type { OpenEnumSchema } from './open-enum';

export type { OpenEnum, OpenEnumSchema } from './open-enum';

/** See `./open-enum.ts`. */
export function openEnum<const Values extends readonly [string, ...string[]]>(
  _values: Values,
): OpenEnumSchema<Values[number]> {
  return z.string() as OpenEnumSchema<Values[number]>;
}

/** See `./open-enum.ts`. */
export function isKnownValue<const Known extends string>(
  values: readonly Known[],
  value: string | null | undefined,
): value is Known {
  return (values as readonly (string | null | undefined)[]).includes(value);
}
