import * as z from 'zod/mini';
import { DOMAINS, DomainSchema } from './enums';
import { object } from './object';
import { openEnum } from './open-enum';

/**
 * The kinds of mail the platform sends. `account` (confirmation, password reset, address
 * change), `registration` (seat confirmed, waitlisted, promoted, cancelled) and `event-change`
 * (an event you registered for moved) are transactional and always sent; `moderation` (your
 * comment was hidden) and `digest` (the weekly digest, opt-in) can be turned off, and carry a
 * one-click unsubscribe link (RFC 8058).
 */
export const MAIL_KINDS = ['account', 'registration', 'event-change', 'moderation', 'digest'] as const;
export type MailKindName = (typeof MAIL_KINDS)[number];

/** The kinds a member may turn off. */
export const OPTIONAL_MAIL_KINDS = ['moderation', 'digest'] as const;
export const OptionalMailKindSchema = z.enum(OPTIONAL_MAIL_KINDS);
export type OptionalMailKind = z.infer<typeof OptionalMailKindSchema>;

/** `GET /v1/me/notification-preferences`. */
export const NotificationPreferencesSchema = object({
  /** Told when a moderator hides one of your comments, with the reason (default on). */
  moderation: z.boolean(),
  /** The weekly digest of the most-voted new pain points (default off). */
  digest: z.boolean(),
  /** The digest's domains; empty: every domain. Your profile's country narrows it too. */
  digestDomains: z.array(openEnum(DOMAINS)),
  /** Kinds always sent (transactional). */
  alwaysSent: z.array(openEnum(MAIL_KINDS)),
  /**
   * True when you joined through a partner that tells its members itself: the community sends
   * you no mail but the account mail you need to sign in with a community password.
   */
  partnerInformsYou: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** `PATCH /v1/me/notification-preferences`: any of the choices. */
export const NotificationPreferencesUpdateSchema = object({
  moderation: z.optional(z.boolean()),
  digest: z.optional(z.boolean()),
  digestDomains: z.optional(z.array(DomainSchema).check(z.maxLength(DOMAINS.length))),
});
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdateSchema>;

/** `POST /v1/unsubscribe` as JSON (mail programs send the token in the link's query instead). */
export const UnsubscribeSchema = object({
  token: z.string().check(z.minLength(1), z.maxLength(1000)),
});
export type Unsubscribe = z.infer<typeof UnsubscribeSchema>;

/** What `POST /v1/unsubscribe` turned off. */
export const UnsubscribeResultSchema = object({
  kind: openEnum(OPTIONAL_MAIL_KINDS),
  unsubscribed: z.boolean(),
});
export type UnsubscribeResult = z.infer<typeof UnsubscribeResultSchema>;
