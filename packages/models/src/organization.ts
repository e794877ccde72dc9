import * as z from 'zod/mini';
import { MEMBERSHIP_BODIES, MembershipBodySchema, ORGANIZATION_TYPES, OrganizationTypeSchema } from './enums';
import { object } from './object';
import { openEnum } from './open-enum';
import { CountryCodeSchema, CursorParamSchema, IdSchema, LimitSchema, SearchQuerySchema } from './primitives';

/** A city, company, standards body or other organization stakeholders belong to. */
export const OrganizationSchema = object({
  id: IdSchema,
  slug: z.string(),
  name: z.string(),
  type: openEnum(ORGANIZATION_TYPES),
  memberships: z.array(openEnum(MEMBERSHIP_BODIES)),
  country: z.nullable(z.string()),
  url: z.nullable(z.string()),
  /** E-mail domains whose confirmed addresses join without a manager's approval (set by admins). */
  verifiedDomains: z.array(z.string()),
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

/** An e-mail domain an organization controls, such as `iec.ch` (lowercased). */
export const EmailDomainSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(253),
    z.regex(
      /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
      'Expected an e-mail domain such as iec.ch',
    ),
  );

/** `PATCH /v1/organizations/{id}` (admin): the verified e-mail domains. */
export const OrganizationUpdateSchema = object({
  verifiedDomains: z.optional(z.array(EmailDomainSchema).check(z.maxLength(20))),
});
export type OrganizationUpdate = z.infer<typeof OrganizationUpdateSchema>;
