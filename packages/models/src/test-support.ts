// Helpers for the tests beside each schema; not exported from the package.
import type * as z from 'zod/mini';
import { formatIssuePath } from './rules/problem-errors';

/** Paths (dot notation) of the issues a schema reports for an input; [] when it parses. */
export function issuePaths(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => formatIssuePath(issue.path));
}

/** A valid ISO date-time for fixtures. */
export const AT = '2016-07-13T09:00:00+08:00';
