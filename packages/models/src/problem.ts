import * as z from 'zod/mini';
import { object } from './object';

/** One failing field of a request, `path` in dot notation (`title.en`, `speakers.0.name`). */
export const ProblemFieldErrorSchema = object({
  path: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;

/** RFC 9457 problem details, as served with `application/problem+json`. */
export const ProblemSchema = object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(ProblemFieldErrorSchema)),
});
export type Problem = z.infer<typeof ProblemSchema>;
