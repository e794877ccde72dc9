import * as z from 'zod/mini';
import { LANGUAGES, LanguageSchema } from './enums';
import { object } from './object';
import { openEnum } from './open-enum';
import { CursorParamSchema, DateTimeSchema, IdSchema, LimitSchema } from './primitives';
import { textRule } from './text';

export const COMMENT_MAX_LENGTH = 5000;

/** A message in a pain point's discussion; replies nest one level (`parentId` is a top comment). */
export const CommentSchema = object({
  id: IdSchema,
  painPointId: IdSchema,
  parentId: z.nullable(IdSchema),
  authorId: z.nullable(IdSchema),
  /** Empty when hidden by a moderator (the server withholds the text). */
  body: z.string(),
  language: z.nullable(openEnum(LANGUAGES)),
  hidden: z.boolean(),
  locked: z.boolean(),
  replyCount: z.optional(z.number()),
  partnerId: z.optional(z.nullable(IdSchema)),
  createdAt: DateTimeSchema,
  updatedAt: z.optional(z.nullable(DateTimeSchema)),
});
export type Comment = z.infer<typeof CommentSchema>;

/** `POST /v1/pain-points/{id}/comments`. */
export const CommentCreateSchema = object({
  body: z.string().check(textRule('multiple'), z.trim(), z.minLength(1), z.maxLength(COMMENT_MAX_LENGTH)),
  parentId: z.optional(z.nullable(IdSchema)),
  language: z.optional(LanguageSchema),
});
export type CommentCreate = z.infer<typeof CommentCreateSchema>;

/** Moderation of one comment: hide it, or lock its thread against replies. */
export const CommentModerationSchema = object({
  hidden: z.optional(z.boolean()),
  locked: z.optional(z.boolean()),
  reason: z.optional(z.string().check(textRule('multiple'), z.trim(), z.maxLength(1000))),
});
export type CommentModeration = z.infer<typeof CommentModerationSchema>;

/** Query of `GET /v1/pain-points/{id}/comments`. */
export const CommentListParamsSchema = object({
  parentId: z.optional(IdSchema),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type CommentListParams = z.infer<typeof CommentListParamsSchema>;
export type CommentListParamsInput = z.input<typeof CommentListParamsSchema>;

/** Outcome of a domain rule: allowed, or refused with a reason a person can read. */
export type RuleResult = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether a reply may be posted under `parent` (threads are one level deep).
 *
 * @example
 * canReplyTo({ parentId: null, locked: false, hidden: false }); // { ok: true }
 * canReplyTo({ parentId: 'c1', locked: false, hidden: false }); // { ok: false, reason: '…' }
 */
export function canReplyTo(parent: Pick<Comment, 'parentId' | 'locked' | 'hidden'>): RuleResult {
  if (parent.parentId !== null) {
    return { ok: false, reason: 'Replies nest one level only: reply to the top comment' };
  }
  if (parent.locked) return { ok: false, reason: 'This thread is locked by a moderator' };
  if (parent.hidden) return { ok: false, reason: 'This comment is hidden by a moderator' };
  return { ok: true };
}
