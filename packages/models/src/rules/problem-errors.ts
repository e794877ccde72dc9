import type { ProblemFieldError } from '../problem';

// Server-side formatting of validation failures; kept out of the browser entry `.` (its budget).

/**
 * Joins a zod issue path into the dot notation used by `Problem.errors[].path`.
 *
 * @example
 * formatIssuePath(['speakers', 0, 'name']); // 'speakers.0.name'
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/**
 * Turns zod issues into `Problem.errors`, so every failing field is named.
 *
 * @example
 * const result = PainPointCreateSchema.safeParse(body);
 * if (!result.success) problem.errors = problemErrorsFromIssues(result.error.issues);
 */
export function problemErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[],
): ProblemFieldError[] {
  return issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
    ...(issue.code === undefined ? {} : { code: issue.code }),
  }));
}
