import type { JsonCheck } from './compile-check';

export type { JsonCheck } from './compile-check';

/**
 * The browser build never compiles a check: callers fall back to the schema's `safeParse`, and
 * the page downloads nothing for a check it would rarely use.
 *
 * @example
 * compileCheck(PainPointViewSchema); // null
 */
export function compileCheck(_schema: unknown): JsonCheck | null {
  return null;
}
