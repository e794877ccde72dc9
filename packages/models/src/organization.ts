import * as z from 'zod/mini';
import { MembershipBodySchema, OrganizationTypeSchema } from './enums';
import { object } from './object';
import { CountryCodeSchema, CursorParamSchema, IdSchema, LimitSchema, SearchQuerySchema } from './primitives';

/** A city, company, standards body or other organization stakeholders belong to. */
export const OrganizationSchema = object({
  id: IdSchema,
  slug: z.string(),
  name: z.string(),
  type: OrganizationTypeSchema,
  memberships: z.array(MembershipBodySchema),
  country: z.nullable(z.string()),
  url: z.nullable(z.string()),
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** Query of `GET /v1/organizations`. */
export const OrganizationListParamsSchema = object({
  type: z.optional(OrganizationTypeSchema),
  membership: z.optional(MembershipBodySchema),
  country: z.optional(CountryCodeSchema),
  q: z.optional(SearchQuerySchema),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type OrganizationListParams = z.infer<typeof OrganizationListParamsSchema>;
export type OrganizationListParamsInput = z.input<typeof OrganizationListParamsSchema>;
