import * as z from 'zod/mini';
import {
  DOMAINS,
  DomainSchema,
  STANDARD_BODIES,
  STANDARD_STATUSES,
  StandardBodySchema,
  StandardStatusSchema,
} from './enums';
import { LocalizedTextSchema } from './localized-text';
import { object } from './object';
import { openEnum } from './open-enum';
import { CursorParamSchema, IdSchema, LimitSchema, SearchQuerySchema } from './primitives';
import { textRule } from './text';

/** An international standard from the IEC, ISO or ITU catalogue (or a joint committee's). */
export const StandardSchema = object({
  /** Slug of the reference, e.g. `iso-37120-2018`. */
  id: IdSchema,
  body: openEnum(STANDARD_BODIES),
  /** Official reference, e.g. `ISO 37120:2018`. */
  reference: z.string(),
  /** Official English title at least. */
  title: LocalizedTextSchema,
  /** e.g. `ISO/TC 268`. */
  committee: z.string(),
  status: openEnum(STANDARD_STATUSES),
  publicationYear: z.nullable(z.number()),
  domains: z.array(openEnum(DOMAINS)),
  /** Public catalogue page (https). */
  url: z.string(),
});
export type Standard = z.infer<typeof StandardSchema>;

/** Query of `GET /v1/standards`. */
export const StandardListParamsSchema = object({
  body: z.optional(StandardBodySchema),
  committee: z.optional(z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(100))),
  domain: z.optional(DomainSchema),
  status: z.optional(StandardStatusSchema),
  q: z.optional(SearchQuerySchema),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type StandardListParams = z.infer<typeof StandardListParamsSchema>;
export type StandardListParamsInput = z.input<typeof StandardListParamsSchema>;
