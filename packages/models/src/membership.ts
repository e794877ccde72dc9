import * as z from 'zod/mini';
import { object } from './object';
import { openEnum } from './open-enum';
import { CursorParamSchema, DateTimeSchema, IdSchema, LimitSchema } from './primitives';
import { textRule } from './text';

/**
 * Where a member stands with an organization: asked (`pending`), in (`approved`), turned down
 * (`refused`) or taken out by a manager (`removed`). Only `approved` grants anything.
 */
export const MEMBERSHIP_STATUSES = ['pending', 'approved', 'refused', 'removed'] as const;
export const MembershipStatusSchema = z.enum(MEMBERSHIP_STATUSES);
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>;

/** Managers approve, refuse and remove the organization's members, and name other managers. */
export const MEMBERSHIP_ROLES = ['member', 'manager'] as const;
export const MembershipRoleSchema = z.enum(MEMBERSHIP_ROLES);
export type MembershipRole = z.infer<typeof MembershipRoleSchema>;

/**
 * How the current status came about: the member's request, a confirmed address on one of the
 * organization's verified e-mail domains, or a manager's or admin's decision.
 */
export const MEMBERSHIP_BASES = ['request', 'email-domain', 'decision'] as const;
export const MembershipBasisSchema = z.enum(MEMBERSHIP_BASES);
export type MembershipBasis = z.infer<typeof MembershipBasisSchema>;

/**
 * A member's membership of an organization, as the member and the organization's managers see
 * it. `email` is shown to the member themself and to the organization's managers and admins, who
 * judge requests by it; it is null once the account is deleted.
 */
export const MembershipSchema = object({
  organizationId: IdSchema,
  accountId: IdSchema,
  displayName: z.string(),
  email: z.nullable(z.string()),
  status: openEnum(MEMBERSHIP_STATUSES),
  role: openEnum(MEMBERSHIP_ROLES),
  basis: openEnum(MEMBERSHIP_BASES),
  note: z.nullable(z.string()),
  requestedAt: DateTimeSchema,
  decidedAt: z.nullable(DateTimeSchema),
});
export type Membership = z.infer<typeof MembershipSchema>;

/** `POST /v1/organizations/{id}/membership-requests`: ask to join, with an optional word to the managers. */
export const MembershipRequestSchema = object({
  note: z.optional(z.nullable(z.string().check(textRule('multiple'), z.trim(), z.maxLength(500)))),
});
export type MembershipRequest = z.infer<typeof MembershipRequestSchema>;

/** The statuses a manager or admin may decide on (`pending` is only ever the member's own request). */
export const MembershipDecisionSchema = z.enum(['approved', 'refused', 'removed']);
export type MembershipDecision = z.infer<typeof MembershipDecisionSchema>;

/** `PATCH /v1/organizations/{id}/memberships/{accountId}` (managers and admins). */
export const MembershipUpdateSchema = object({
  status: z.optional(MembershipDecisionSchema),
  role: z.optional(MembershipRoleSchema),
});
export type MembershipUpdate = z.infer<typeof MembershipUpdateSchema>;

/** Query of `GET /v1/organizations/{id}/memberships` (managers and admins). */
export const MembershipListParamsSchema = object({
  status: z.optional(MembershipStatusSchema),
  limit: LimitSchema,
  cursor: z.optional(CursorParamSchema),
});
export type MembershipListParams = z.infer<typeof MembershipListParamsSchema>;
export type MembershipListParamsInput = z.input<typeof MembershipListParamsSchema>;

/** `GET /v1/me/memberships`: every organization the member asked to join, is in, or was refused or removed from. */
export const MembershipListSchema = object({ data: z.array(MembershipSchema) });
export type MembershipList = z.infer<typeof MembershipListSchema>;
