import * as z from 'zod/mini';
import { STAKEHOLDER_ROLES, StakeholderRoleSchema } from './enums';
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
} from './primitives';
import { textRule } from './text';

/**
 * A community member's public profile; never carries the e-mail address (see `Account`).
 * `organizationId` is the organization that approved the member (see `Membership`), never one
 * the member named themself.
 */
export const StakeholderSchema = object({
  id: IdSchema,
  displayName: z.string(),
  role: openEnum(STAKEHOLDER_ROLES),
  organizationId: z.nullable(IdSchema),
  country: z.nullable(z.string()),
  city: z.nullable(z.string()),
  bio: z.nullable(z.string()),
  createdAt: DateTimeSchema,
});
export type Stakeholder = z.infer<typeof StakeholderSchema>;

/** Editable profile fields, shared by sign-up and `PATCH /v1/me`. */
export const DisplayNameSchema = z
  .string()
  .check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(80));
export const BioSchema = z.string().check(textRule('multiple'), z.trim(), z.maxLength(2000));

/** Query of `GET /v1/stakeholders`. */
export const StakeholderListParamsSchema = object({
  role: z.optional(StakeholderRoleSchema),
  country: z.optional(CountryCodeSchema),
  organization: z.optional(IdSchema),
  q: z.optional(SearchQuerySchema),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type StakeholderListParams = z.infer<typeof StakeholderListParamsSchema>;
export type StakeholderListParamsInput = z.input<typeof StakeholderListParamsSchema>;

/**
 * Profile fields a member may change about themself (`PATCH /v1/me`). The organization is not
 * one of them: membership is asked for (`POST /v1/organizations/{id}/membership-requests`) and
 * granted by the organization.
 */
export const ProfileUpdateSchema = object({
  displayName: z.optional(DisplayNameSchema),
  role: z.optional(StakeholderRoleSchema),
  country: z.optional(z.nullable(CountryCodeSchema)),
  city: z.optional(z.nullable(CityNameSchema)),
  bio: z.optional(z.nullable(BioSchema)),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdateSchema>;
