import * as z from 'zod/mini';

/** One failing field of a request, `path` in dot notation (`title.en`, `speakers.0.name`). */
export const ProblemFieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;

/** RFC 9457 problem details, as served with `application/problem+json`. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(ProblemFieldErrorSchema)),
});
export type Problem = z.infer<typeof ProblemSchema>;

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
