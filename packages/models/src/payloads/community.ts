import * as z from 'zod/mini';
import { AccountSchema } from '../account';
import { CommentSchema } from '../comment';
import { COVERAGE_LEVELS, DomainSchema, LANGUAGES } from '../enums';
import { LocalizedTextSchema } from '../localized-text';
import { object } from '../object';
import { openEnum } from '../open-enum';
import { PainPointSchema } from '../pain-point';
import { CursorParamSchema, DateTimeSchema, IdSchema, IntegerSchema, LimitSchema } from '../primitives';
import { RegistrationSchema } from '../registration';
import { ReportSchema } from '../report';
import { StakeholderSchema } from '../stakeholder';
import { StandardMappingSchema } from '../standard-mapping';

/**
 * A pain point as the community API serves it: `PainPoint` plus whether its discussion is
 * locked and whether it is a catalogue sample. Title and description hold the language served
 * (`language`); the reader's `Accept-Language` chooses it.
 */
export const PainPointViewSchema = object({
  ...PainPointSchema.shape,
  /** A moderator locked the discussion: no new comments or replies. */
  locked: z.boolean(),
  /** Seeded from the catalogue to show what a pain point looks like. */
  sample: z.boolean(),
});
export type PainPointView = z.infer<typeof PainPointViewSchema>;

/** One stored pain point in a data export: every language of its text. */
export const ExportedPainPointSchema = object({
  id: IdSchema,
  slug: z.nullable(z.string()),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  language: openEnum(LANGUAGES),
  domain: z.string(),
  city: z.nullable(z.string()),
  country: z.nullable(z.string()),
  severity: z.string(),
  status: z.string(),
  voteCount: IntegerSchema,
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
});
export type ExportedPainPoint = z.infer<typeof ExportedPainPointSchema>;

/** How a member came through a partner's site. */
export const PARTNER_LINKS = ['sign-up', 'single-sign-on', 'contributions'] as const;

/**
 * A partner (an IEC, ISO, ITU or city site) the member came through, in a data export: the one
 * they signed up through, those that sign them in (single sign-on), and those their pain points,
 * comments, reports, votes and registrations were made through.
 */
export const ExportedPartnerSchema = object({
  id: IdSchema,
  name: z.string(),
  /** `sign-up`, `single-sign-on`, `contributions`: how the member came through it. */
  via: z.array(openEnum(PARTNER_LINKS)),
});
export type ExportedPartner = z.infer<typeof ExportedPartnerSchema>;

/** `GET /v1/me/export`: everything the platform holds about the signed-in member. */
export const MeExportSchema = object({
  exportedAt: DateTimeSchema,
  account: AccountSchema,
  profile: StakeholderSchema,
  painPoints: z.array(ExportedPainPointSchema),
  votes: z.array(
    object({
      painPointId: IdSchema,
      /** The partner whose site or single sign-on the vote came through; null for the community's own. */
      partnerId: z.optional(z.nullable(IdSchema)),
      createdAt: DateTimeSchema,
    }),
  ),
  comments: z.array(CommentSchema),
  reports: z.array(ReportSchema),
  standardMappings: z.array(StandardMappingSchema),
  /** Event registrations, cancelled ones included, oldest first. */
  registrations: z.array(RegistrationSchema),
  /** The partners the member came through, by name. */
  partners: z.array(ExportedPartnerSchema),
});
export type MeExport = z.infer<typeof MeExportSchema>;

/** Answer of `POST /v1/comments/{id}/reports`: the report and whether the comment is now hidden. */
export const ReportResultSchema = object({
  report: ReportSchema,
  commentHidden: z.boolean(),
});
export type ReportResult = z.infer<typeof ReportResultSchema>;

/** Query of `GET /v1/coverage`: narrow the report, and cap the gap list (default 100). */
export const CoverageParamsSchema = object({
  domain: z.optional(DomainSchema),
  gapLimit: z._default(
    z.coerce
      .number<number | string>()
      .check(z.refine(Number.isInteger, 'Expected an integer'), z.minimum(0), z.maximum(1000)),
    100,
  ),
});
export type CoverageParams = z.infer<typeof CoverageParamsSchema>;

/** `coverage` of a pain point: the best coverage among its standard mappings. */
export const PainPointCoverageSchema = object({
  painPointId: IdSchema,
  coverage: openEnum(COVERAGE_LEVELS),
  mappings: z.array(StandardMappingSchema),
});
export type PainPointCoverage = z.infer<typeof PainPointCoverageSchema>;

/** What a moderator's queue lists: `reported` (open reports) or `hidden` comments. */
export const MODERATION_QUEUE_STATES = ['reported', 'hidden'] as const;

/** Query of `GET /v1/moderation/comments` (moderators). */
export const ModerationQueueParamsSchema = object({
  state: z._default(z.enum(MODERATION_QUEUE_STATES), 'reported'),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type ModerationQueueParams = z.infer<typeof ModerationQueueParamsSchema>;

/** A comment in the moderation queue, with its text and how many open reports it has. */
export const ModerationQueueItemSchema = object({
  ...CommentSchema.shape,
  openReports: IntegerSchema,
  hiddenReason: z.nullable(z.string()),
});
export type ModerationQueueItem = z.infer<typeof ModerationQueueItemSchema>;
