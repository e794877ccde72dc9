import type { KnownProblemCode } from './problems';

/**
 * A problem slug: one of `PROBLEM_TYPES` (`@wsc/models/problems`), or a newer server's slug this
 * version does not know yet (still a string, so code written today keeps compiling and running).
 */
export type ProblemCode = KnownProblemCode | (string & {});

/** Problem `type` URIs are this base plus a slug. */
export const PROBLEM_TYPE_BASE = 'https://worldsmartcity.org/problems/';

/**
 * The slug of a problem `type`: the last path segment of an `http(s)` URI (ours are
 * {@link PROBLEM_TYPE_BASE} plus the slug), the type itself otherwise (`about:blank`, a bare slug).
 *
 * @example
 * problemCodeOf('https://worldsmartcity.org/problems/slug-taken'); // 'slug-taken'
 * problemCodeOf('about:blank'); // 'about:blank'
 */
export function problemCodeOf(type: string): ProblemCode {
  const segment = /^https?:\/\/[^/?#]+\/(?:[^?#]*\/)?([^/?#]+)\/?(?:[?#].*)?$/i.exec(type)?.[1];
  return segment ?? type;
}
