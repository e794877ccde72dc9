import * as z from 'zod/mini';
import { LanguageSchema, StakeholderRoleSchema } from './enums';
import { object } from './object';
import { CityNameSchema, CountryCodeSchema, DateTimeSchema, EmailSchema, IdSchema } from './primitives';
import { DisplayNameSchema } from './stakeholder';

/** Passwords: long enough to resist guessing, short enough not to be a hashing denial of service. */
export const PasswordSchema = z.string().check(z.minLength(10), z.maxLength(200));

/**
 * `POST /v1/auth/signup`. `organizationId` asks to join that organization (a pending request its
 * managers decide on); it grants nothing by itself.
 */
export const SignupSchema = object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  role: StakeholderRoleSchema,
  organizationId: z.optional(z.nullable(IdSchema)),
  country: z.optional(z.nullable(CountryCodeSchema)),
  city: z.optional(z.nullable(CityNameSchema)),
  language: z.optional(LanguageSchema),
});
export type Signup = z.infer<typeof SignupSchema>;

/** `POST /v1/auth/login`. */
export const LoginSchema = object({
  email: EmailSchema,
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type Login = z.infer<typeof LoginSchema>;

/** Answer of sign-up and login: an opaque bearer token (stored hashed by the server). */
export const SessionSchema = object({
  token: z.string(),
  tokenType: z.enum(['Bearer']),
  expiresAt: DateTimeSchema,
  accountId: IdSchema,
});
export type Session = z.infer<typeof SessionSchema>;

/** A token from a mail's link: opaque, as the mail carried it. */
export const MailTokenSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** `POST /v1/auth/email-confirmations/complete`: the token from the confirmation mail. */
export const EmailConfirmationCompleteSchema = object({ token: MailTokenSchema });
export type EmailConfirmationComplete = z.infer<typeof EmailConfirmationCompleteSchema>;

/** Answer of a completed confirmation: the account and when its address was confirmed. */
export const EmailConfirmationSchema = object({
  accountId: IdSchema,
  emailConfirmedAt: DateTimeSchema,
});
export type EmailConfirmation = z.infer<typeof EmailConfirmationSchema>;

/** `POST /v1/auth/password-resets`: answered 202 whether or not an account has this address. */
export const PasswordResetRequestSchema = object({ email: EmailSchema });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

/** `POST /v1/auth/password-resets/complete`: the token from the mail and the new password. */
export const PasswordResetCompleteSchema = object({ token: MailTokenSchema, password: PasswordSchema });
export type PasswordResetComplete = z.infer<typeof PasswordResetCompleteSchema>;
