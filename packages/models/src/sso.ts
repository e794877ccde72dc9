import * as z from 'zod/mini';
import { LanguageSchema, StakeholderRoleSchema } from './enums';
import { object } from './object';
import {
  CityNameSchema,
  CountryCodeSchema,
  DateTimeSchema,
  EmailSchema,
  IdSchema,
  IntegerSchema,
} from './primitives';
import { DisplayNameSchema } from './stakeholder';
import { textRule } from './text';

/** `POST /v1/sso/tokens` (secret key): a partner vouches for its own signed-in user. */
export const SsoTokenCreateSchema = object({
  externalUserId: z.string().check(textRule('single'), z.minLength(1), z.maxLength(200)),
  email: EmailSchema,
  displayName: DisplayNameSchema,
  role: z.optional(StakeholderRoleSchema),
  country: z.optional(z.nullable(CountryCodeSchema)),
  city: z.optional(z.nullable(CityNameSchema)),
  language: z.optional(LanguageSchema),
  /** Lifetime in seconds, 60..3600 (default 900): the token only bridges a page load. */
  ttlSeconds: z.optional(IntegerSchema.check(z.minimum(60), z.maximum(3600))),
});
export type SsoTokenCreate = z.infer<typeof SsoTokenCreateSchema>;

/** A short-lived user token the partner page hands to the widgets. */
export const SsoTokenSchema = object({
  token: z.string(),
  tokenType: z.enum(['Bearer']),
  expiresAt: DateTimeSchema,
  stakeholderId: IdSchema,
  partnerId: IdSchema,
});
export type SsoToken = z.infer<typeof SsoTokenSchema>;
