import * as z from 'zod/mini';
import { object } from './object';
import { DateTimeSchema, IdSchema } from './primitives';

/** One member's vote on one pain point (one vote each; `PUT` is idempotent). */
export const VoteSchema = object({
  painPointId: IdSchema,
  stakeholderId: IdSchema,
  createdAt: DateTimeSchema,
});
export type Vote = z.infer<typeof VoteSchema>;

/** Answer of `PUT` / `DELETE /v1/pain-points/{id}/vote`. */
export const VoteResultSchema = object({
  painPointId: IdSchema,
  voteCount: z.number(),
  voted: z.boolean(),
});
export type VoteResult = z.infer<typeof VoteResultSchema>;
