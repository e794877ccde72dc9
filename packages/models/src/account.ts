import * as z from 'zod/mini';
import { ACCOUNT_ROLES, AccountRoleSchema, LANGUAGES, LanguageSchema } from './enums';
import { object } from './object';
import { openEnum } from './open-enum';
import { DateTimeSchema, EmailSchema, IdSchema } from './primitives';
import { ProfileUpdateSchema, StakeholderSchema } from './stakeholder';

/** Private side of a member: what only they and admins see. Its `id` equals the profile id. */
export const AccountSchema = object({
  id: IdSchema,
  email: z.string(),
  accountRoles: z.array(openEnum(ACCOUNT_ROLES)),
  language: z.nullable(openEnum(LANGUAGES)),
  disabled: z.boolean(),
  createdAt: DateTimeSchema,
  lastLoginAt: z.optional(z.nullable(DateTimeSchema)),
  /** When the member proved `email` is theirs (the link of the confirmation mail); null until then. */
  emailConfirmedAt: z.optional(z.nullable(DateTimeSchema)),
});
export type Account = z.infer<typeof AccountSchema>;

/** `GET /v1/me`: the signed-in member's account and public profile. */
export const MeSchema = object({
  account: AccountSchema,
  profile: StakeholderSchema,
});
export type Me = z.infer<typeof MeSchema>;

/**
 * `PATCH /v1/me`: profile fields, the preferred language, and the e-mail address (a new address
 * is unconfirmed until the link mailed to it is used; the old address is told of the change).
 * A new address needs the account's `currentPassword` too: whoever holds a session alone must
 * not be able to take the account by moving its address (and so its password resets) elsewhere.
 * Accounts that sign in only through a partner get their address from the partner.
 */
export const MeUpdateSchema = object({
  ...ProfileUpdateSchema.shape,
  language: z.optional(z.nullable(LanguageSchema)),
  email: z.optional(EmailSchema),
  /** The account's password, with a new `email`; never stored, never needed otherwise. */
  currentPassword: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type MeUpdate = z.infer<typeof MeUpdateSchema>;

/** `PATCH /v1/accounts/{id}` (admin): roles and the disabled flag. */
export const AccountUpdateSchema = object({
  accountRoles: z.optional(z.array(AccountRoleSchema).check(z.minLength(1), z.maxLength(4))),
  disabled: z.optional(z.boolean()),
});
export type AccountUpdate = z.infer<typeof AccountUpdateSchema>;
