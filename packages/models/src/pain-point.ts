import * as z from 'zod/mini';
import {
  DOMAINS,
  DomainSchema,
  LANGUAGES,
  LanguageSchema,
  PAIN_POINT_STATUSES,
  PainPointStatusSchema,
  SEVERITIES,
  SeveritySchema,
} from './enums';
import { LocalizedTextSchema, localizedTextSchema } from './localized-text';
import { object } from './object';
import { openEnum } from './open-enum';
import {
  CityNameSchema,
  CountryCodeSchema,
  CursorParamSchema,
  DateTimeSchema,
  IdSchema,
  LimitSchema,
  SearchQuerySchema,
  SlugSchema,
} from './primitives';
import { requiredWhen } from './schema-helpers';
import { textRule } from './text';

/** Longest title per language. */
export const PAIN_POINT_TITLE_MAX_LENGTH = 200;
/** Longest description per language. */
export const PAIN_POINT_DESCRIPTION_MAX_LENGTH = 5000;

/** Orders of `GET /v1/pain-points`: most votes, newest, most votes lately. */
export const PAIN_POINT_SORTS = ['top', 'new', 'trending'] as const;
export const PainPointSortSchema = z.enum(PAIN_POINT_SORTS);
export type PainPointSort = z.infer<typeof PainPointSortSchema>;

/** A difficulty a city stakeholder reported. `language` is the language the text was served in. */
export const PainPointSchema = object({
  id: IdSchema,
  slug: z.optional(z.nullable(z.string())),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  language: openEnum(LANGUAGES),
  domain: openEnum(DOMAINS),
  city: z.nullable(z.string()),
  country: z.nullable(CountryCodeSchema),
  severity: openEnum(SEVERITIES),
  status: openEnum(PAIN_POINT_STATUSES),
  duplicateOf: z.optional(z.nullable(IdSchema)),
  voteCount: z.number(),
  commentCount: z.number(),
  /** Whether the signed-in viewer has voted; absent for anonymous readers. */
  voted: z.optional(z.boolean()),
  authorId: z.nullable(IdSchema),
  partnerId: z.nullable(IdSchema),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
});
export type PainPoint = z.infer<typeof PainPointSchema>;

const TitleSchema = localizedTextSchema(PAIN_POINT_TITLE_MAX_LENGTH, 'single');
const DescriptionSchema = localizedTextSchema(PAIN_POINT_DESCRIPTION_MAX_LENGTH, 'multiple');

/** `POST /v1/pain-points`. `language` is the author's language (default: the first one given). */
export const PainPointCreateSchema = object({
  title: TitleSchema,
  description: DescriptionSchema,
  language: z.optional(LanguageSchema),
  domain: DomainSchema,
  city: z.optional(z.nullable(CityNameSchema)),
  country: z.optional(z.nullable(CountryCodeSchema)),
  severity: z._default(SeveritySchema, 'medium'),
  slug: z.optional(SlugSchema),
});
export type PainPointCreate = z.infer<typeof PainPointCreateSchema>;
export type PainPointCreateInput = z.input<typeof PainPointCreateSchema>;

/** Status fields shared by `PainPointStatusChange` and `PainPointUpdate`. */
const statusFields = {
  status: PainPointStatusSchema,
  /** Required when `status` is `duplicate`: the pain point this one repeats. */
  duplicateOf: z.optional(z.nullable(IdSchema)),
  /** Why the status changed; shown in the history. */
  note: z.optional(z.string().check(textRule('multiple'), z.trim(), z.maxLength(1000))),
};

const duplicateNeedsOriginal = requiredWhen<{ status?: string; duplicateOf?: string | null }>(
  'duplicateOf',
  (value) => value.status === 'duplicate',
  'A duplicate needs duplicateOf, the pain point it repeats',
);

/** A lifecycle move; the rules of who may move where are in `transitionPainPoint`. */
export const PainPointStatusChangeSchema = object(statusFields).check(duplicateNeedsOriginal);
export type PainPointStatusChange = z.infer<typeof PainPointStatusChangeSchema>;

/** `PATCH /v1/pain-points/{id}`: any content field, and optionally a status move. */
export const PainPointUpdateSchema = z
  .object({
    title: z.optional(TitleSchema),
    description: z.optional(DescriptionSchema),
    domain: z.optional(DomainSchema),
    city: z.optional(z.nullable(CityNameSchema)),
    country: z.optional(z.nullable(CountryCodeSchema)),
    severity: z.optional(SeveritySchema),
    status: z.optional(statusFields.status),
    duplicateOf: statusFields.duplicateOf,
    note: statusFields.note,
  })
  .check(duplicateNeedsOriginal);
export type PainPointUpdate = z.infer<typeof PainPointUpdateSchema>;

/** Query of `GET /v1/pain-points`. `standard` is a standard id: pain points mapped to it. */
export const PainPointListParamsSchema = object({
  domain: z.optional(DomainSchema),
  country: z.optional(CountryCodeSchema),
  city: z.optional(CityNameSchema),
  status: z.optional(PainPointStatusSchema),
  standard: z.optional(IdSchema),
  q: z.optional(SearchQuerySchema),
  sort: z._default(PainPointSortSchema, 'top'),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type PainPointListParams = z.infer<typeof PainPointListParamsSchema>;
export type PainPointListParamsInput = z.input<typeof PainPointListParamsSchema>;

/**
 * Query of `GET /v1/pain-points/countries`: the list's own `domain` and `status` filters, read
 * by the same schemas, so a count always describes the list with the same filters.
 */
export const PainPointCountryCountsParamsSchema = object({
  domain: PainPointListParamsSchema.shape.domain,
  status: PainPointListParamsSchema.shape.status,
});
export type PainPointCountryCountsParams = z.infer<typeof PainPointCountryCountsParamsSchema>;
export type PainPointCountryCountsParamsInput = z.input<typeof PainPointCountryCountsParamsSchema>;

/**
 * `GET /v1/pain-points/countries`: how many pain points the list holds per country (most first),
 * how many in all (`total`), and how many name no country (`withoutCountry`, not in `data`).
 */
export const PainPointCountryCountsSchema = object({
  data: z.array(object({ country: CountryCodeSchema, count: z.number() })),
  total: z.number(),
  withoutCountry: z.number(),
});
export type PainPointCountryCounts = z.infer<typeof PainPointCountryCountsSchema>;
