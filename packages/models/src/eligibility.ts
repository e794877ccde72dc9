import * as z from 'zod/mini';
import { ELIGIBILITY_BASES, MembershipBodySchema } from './enums';
import { object } from './object';
import { openEnum } from './open-enum';
import { textRule } from './text';

/**
 * What a person says makes them eligible for free attendance (`POST /v1/events/{id}/eligibility`).
 * Each part is checked by the server; the pure rule `decideEligibility` then decides.
 */
export const EligibilityClaimSchema = object({
  /** Being signed in proves it; the flag only states the intent. */
  communityMember: z.optional(z.boolean()),
  /**
   * Signed out and about to join: the registration will carry sign-up details (`join`), so the
   * person counts as a community member. Ignored when signed in.
   */
  joiningNow: z.optional(z.boolean()),
  membership: z.optional(
    object({
      body: MembershipBodySchema,
      /** Member number or national member body code, when the body issues one. */
      code: z.optional(z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(100))),
    }),
  ),
  invitationCode: z.optional(
    z.string().check(textRule('single'), z.trim(), z.minLength(4), z.maxLength(100)),
  ),
  coLocatedRegistration: z.optional(
    object({
      /** Code of the co-located event, e.g. `WCS` or `SIWW`. */
      eventCode: z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(40)),
      /** Registration reference issued by that event. */
      reference: z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(100)),
    }),
  ),
});
export type EligibilityClaim = z.infer<typeof EligibilityClaimSchema>;

/** The answer: eligible through which basis, or why not and how to become eligible. */
export const EligibilityDecisionSchema = object({
  eligible: z.boolean(),
  basis: z.nullable(openEnum(ELIGIBILITY_BASES)),
  reason: z.string(),
  howToBecomeEligible: z.nullable(z.string()),
});
export type EligibilityDecision = z.infer<typeof EligibilityDecisionSchema>;
