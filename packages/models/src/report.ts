import * as z from 'zod/mini';
import { object } from './object';
import { openEnum } from './open-enum';
import { DateTimeSchema, IdSchema } from './primitives';
import { requiredWhen } from './schema-helpers';
import { textRule } from './text';

/** Why a member reports a comment to the moderators. */
export const REPORT_REASONS = [
  'spam',
  'abuse',
  'harassment',
  'off-topic',
  'misinformation',
  'privacy',
  'other',
] as const;
export const ReportReasonSchema = z.enum(REPORT_REASONS);
export type ReportReason = z.infer<typeof ReportReasonSchema>;

/** A report on a comment, as the moderation queue shows it. */
export const ReportSchema = object({
  id: IdSchema,
  commentId: IdSchema,
  reporterId: z.nullable(IdSchema),
  /** The partner whose site or single sign-on the report came through; null for the community's own. */
  partnerId: z.optional(z.nullable(IdSchema)),
  reason: openEnum(REPORT_REASONS),
  note: z.nullable(z.string()),
  createdAt: DateTimeSchema,
  resolvedAt: z.optional(z.nullable(DateTimeSchema)),
});
export type Report = z.infer<typeof ReportSchema>;

/** `POST /v1/comments/{id}/reports`. Reason `other` needs a note. */
export const ReportCreateSchema = z
  .object({
    reason: ReportReasonSchema,
    note: z.optional(z.string().check(textRule('multiple'), z.trim(), z.maxLength(1000))),
  })
  .check(
    requiredWhen<{ reason: string; note?: string }>(
      'note',
      (value) => value.reason === 'other',
      'Say what is wrong when the reason is other',
    ),
  );
export type ReportCreate = z.infer<typeof ReportCreateSchema>;
