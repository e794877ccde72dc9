import * as z from 'zod/mini';
import { DateTimeSchema, IdSchema, OriginSchema } from './primitives';

/** A partner application: an IEC, ISO, ITU or city site embedding the community. */
export const PartnerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  organizationId: z.nullable(IdSchema),
  disabled: z.boolean(),
  createdAt: DateTimeSchema,
});
export type Partner = z.infer<typeof PartnerSchema>;

/** `POST /v1/partners` (admin). */
export const PartnerCreateSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  organizationId: z.optional(z.nullable(IdSchema)),
});
export type PartnerCreate = z.infer<typeof PartnerCreateSchema>;

/** `pk_…` keys live in browsers (origin-bound); `sk_…` keys stay on servers. */
export const PARTNER_KEY_KINDS = ['publishable', 'secret'] as const;
export const PartnerKeyKindSchema = z.enum(PARTNER_KEY_KINDS);
export type PartnerKeyKind = z.infer<typeof PartnerKeyKindSchema>;

/** What a secret key may do; publishable keys read and act for visitors only. */
export const PARTNER_SCOPES = [
  'content:read',
  'content:write',
  'sso',
  'webhooks',
  'stats',
  'export',
] as const;
export const PartnerScopeSchema = z.enum(PARTNER_SCOPES);
export type PartnerScope = z.infer<typeof PartnerScopeSchema>;

/** A key as listed: never the key itself, only its first characters. */
export const PartnerKeySchema = z.object({
  id: IdSchema,
  partnerId: IdSchema,
  kind: PartnerKeyKindSchema,
  /** The visible start of the key, e.g. `pk_live_3fA9`. */
  prefix: z.string(),
  allowedOrigins: z.array(z.string()),
  scopes: z.array(PartnerScopeSchema),
  createdAt: DateTimeSchema,
  lastUsedAt: z.optional(z.nullable(DateTimeSchema)),
  revokedAt: z.optional(z.nullable(DateTimeSchema)),
});
export type PartnerKey = z.infer<typeof PartnerKeySchema>;

/** `POST /v1/partners/{id}/keys`. A publishable key needs at least one allowed origin. */
export const PartnerKeyCreateSchema = z
  .object({
    kind: PartnerKeyKindSchema,
    allowedOrigins: z._default(z.array(OriginSchema).check(z.maxLength(50)), []),
    scopes: z._default(z.array(PartnerScopeSchema), ['content:read']),
  })
  .check(
    z.refine((value) => value.kind !== 'publishable' || value.allowedOrigins.length > 0, {
      path: ['allowedOrigins'],
      message: 'A publishable key needs at least one allowed origin',
    }),
  );
export type PartnerKeyCreate = z.infer<typeof PartnerKeyCreateSchema>;
export type PartnerKeyCreateInput = z.input<typeof PartnerKeyCreateSchema>;

/** Answer of key creation: the full key, shown this once (stored hashed). */
export const PartnerKeyCreatedSchema = z.object({
  ...PartnerKeySchema.shape,
  key: z.string().check(z.regex(/^(pk|sk)_[A-Za-z0-9_]+$/)),
});
export type PartnerKeyCreated = z.infer<typeof PartnerKeyCreatedSchema>;

/** `GET /v1/partners/me/stats`: activity that came through this partner. */
export const PartnerStatsSchema = z.object({
  partnerId: IdSchema,
  from: DateTimeSchema,
  to: DateTimeSchema,
  signups: z.number(),
  painPoints: z.number(),
  votes: z.number(),
  comments: z.number(),
  registrations: z.number(),
});
export type PartnerStats = z.infer<typeof PartnerStatsSchema>;
