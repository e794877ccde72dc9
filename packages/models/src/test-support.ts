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

/** A valid PainPointView, every key present (`duplicateOf` is the optional one). */
export const PAIN_POINT_VIEW = {
  id: 'pp_1',
  slug: null,
  title: { en: 'Flooded underpasses' },
  description: { en: 'Underpasses flood after every heavy rain.' },
  language: 'en',
  domain: 'water',
  city: 'Singapore',
  country: 'SG',
  severity: 'high',
  status: 'open',
  duplicateOf: null,
  voteCount: 3,
  commentCount: 1,
  locked: false,
  sample: false,
  authorId: null,
  partnerId: null,
  createdAt: AT,
  updatedAt: AT,
};
