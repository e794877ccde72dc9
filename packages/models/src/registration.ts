import * as z from 'zod/mini';
import { SessionSchema, SignupSchema } from './auth';
import { EligibilityClaimSchema } from './eligibility';
import { ELIGIBILITY_BASES } from './enums';
import { object } from './object';
import { openEnum } from './open-enum';
import { DateTimeSchema, IdSchema } from './primitives';

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export const RegistrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

/** A seat (or a waitlist place) at an event. */
export const RegistrationSchema = object({
  id: IdSchema,
  eventId: IdSchema,
  stakeholderId: IdSchema,
  status: openEnum(REGISTRATION_STATUSES),
  /** 1-based place on the waitlist; null unless waitlisted. */
  waitlistPosition: z.nullable(z.number()),
  /** The rule that granted free attendance. */
  basis: z.nullable(openEnum(ELIGIBILITY_BASES)),
  sessionIds: z.optional(z.array(IdSchema)),
  createdAt: DateTimeSchema,
  cancelledAt: z.optional(z.nullable(DateTimeSchema)),
});
export type Registration = z.infer<typeof RegistrationSchema>;

/** `POST /v1/events/{id}/registrations`. */
export const RegistrationCreateSchema = object({
  claim: z.optional(EligibilityClaimSchema),
  sessionIds: z.optional(z.array(IdSchema).check(z.maxLength(50))),
  /**
   * Signed out: join the community and register in one step. The account, its profile and the
   * registration are created together, or none of them.
   */
  join: z.optional(SignupSchema),
});
export type RegistrationCreate = z.infer<typeof RegistrationCreateSchema>;

/** Answer of `POST /v1/events/{id}/registrations`: with `session` when the request joined the community. */
export const RegistrationCreatedSchema = object({
  ...RegistrationSchema.shape,
  /** The new member's session token (shown once), present only after `join`. */
  session: z.optional(SessionSchema),
});
export type RegistrationCreated = z.infer<typeof RegistrationCreatedSchema>;
