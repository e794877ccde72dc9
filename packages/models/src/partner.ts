import * as z from 'zod/mini';
import { DateTimeSchema, IdSchema, OriginSchema } from './primitives';
import { textRule } from './text';

/** A partner application: an IEC, ISO, ITU or city site embedding the community. */
export const PartnerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  organizationId: z.nullable(IdSchema),
  disabled: z.boolean(),
  /**
   * True when members who came through this partner's single sign-on get no community mail (the
   * partner tells them itself, from the webhooks); account mail still reaches those who also
   * have a community password.
   */
  communityMailSuppressed: z.boolean(),
  /**
   * The partner's page embedding the community's widgets, where its members' account mail leads
   * (`<page>#wsc-confirm-email=<token>`, `<page>#wsc-reset-password=<token>`); null: those links
   * lead to the community's own pages. Its origin is one of the partner's publishable keys'
   * allowed origins.
   */
  accountPageUrl: z.nullable(z.string()),
  createdAt: DateTimeSchema,
});
export type Partner = z.infer<typeof PartnerSchema>;

/** Hosts a partner's account page may serve over plain http: a developer's own machine. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a URL may be a partner's account page by its shape: an absolute https URL without
 * credentials, or plain http on localhost, 127.0.0.1 or [::1] (development). Whose origin it is
 * (one of the partner's publishable keys' origins) is the server's to check.
 *
 * @example
 * isAccountPageUrl('https://www.iec.ch/community?tab=account'); // true
 * isAccountPageUrl('http://www.iec.ch/community'); // false
 * isAccountPageUrl('http://localhost:5173/'); // true
 */
export function isAccountPageUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** A partner's account page: see {@link isAccountPageUrl}. */
export const AccountPageUrlSchema = z.string().check(
  z.trim(),
  z.maxLength(2000),
  z.refine(isAccountPageUrl, {
    message: 'Expected an https URL without credentials (plain http only on localhost or 127.0.0.1)',
  }),
);

/** `POST /v1/partners` (admin). */
export const PartnerCreateSchema = z.object({
  name: z.string().check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(120)),
  organizationId: z.optional(z.nullable(IdSchema)),
});
export type PartnerCreate = z.infer<typeof PartnerCreateSchema>;

/**
 * `PATCH /v1/partners/{id}` (admin): rename a partner, or disable it. A disabled partner's keys,
 * origins and webhook endpoints stop working at once and the SSO tokens it issued are revoked;
 * enabling it again brings its keys back, not those tokens.
 */
export const PartnerUpdateSchema = z.object({
  name: z.optional(PartnerCreateSchema.shape.name),
  disabled: z.optional(z.boolean()),
  communityMailSuppressed: z.optional(z.boolean()),
  /** The partner's account page (see {@link PartnerAccountPageSchema}); null clears it. */
  accountPageUrl: z.optional(z.nullable(AccountPageUrlSchema)),
});
export type PartnerUpdate = z.infer<typeof PartnerUpdateSchema>;

/**
 * `PUT /v1/partners/me/account-page` (secret key with the `mail-policy` scope, which only an
 * admin grants): the partner's page embedding the widgets, where confirmation and password-reset
 * mail to its members leads, or null for the community's own pages. Its origin must be one of the
 * partner's publishable keys' allowed origins.
 */
export const PartnerAccountPageSchema = z.object({
  url: z.nullable(AccountPageUrlSchema),
});
export type PartnerAccountPage = z.infer<typeof PartnerAccountPageSchema>;

/**
 * `PUT /v1/partners/me/mail-policy` (secret key with the `mail-policy` scope, which only an
 * admin grants): whether the partner's single-sign-on members get community mail.
 */
export const PartnerMailPolicySchema = z.object({
  communityMailSuppressed: z.boolean(),
});
export type PartnerMailPolicy = z.infer<typeof PartnerMailPolicySchema>;

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
  // Stop community mail to the partner's SSO members (PUT /v1/partners/me/mail-policy), and lead
  // its members' account mail to its own page (PUT /v1/partners/me/account-page).
  'mail-policy',
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

/**
 * `GET /v1/partners/{id}/sso-accounts` (admin): the accounts a partner minted through single
 * sign-on (each first sign-in of one of its users creates one) and everything they did, wherever
 * they did it. A partner's secret key can mint any number of accounts: this is how an admin sees
 * one partner acting as many people.
 */
export const PartnerSsoAccountsSchema = z.object({
  partnerId: IdSchema,
  /** Accounts the partner minted (deleted ones excluded). */
  minted: z.number(),
  /** Of those, the ones that can sign in. */
  active: z.number(),
  /** Of those, the ones an admin disabled or suspended. */
  suspended: z.number(),
  /**
   * While an admin suspends the partner's SSO accounts: why and since when. The partner's single
   * sign-on then signs no one in and creates no account (403 `partner-sso-suspended`) until an
   * admin lifts it. Null when not suspended.
   */
  suspension: z.nullable(z.object({ reason: z.string(), suspendedAt: DateTimeSchema })),
  /** What the minted accounts did: rows they wrote that still exist. */
  activity: z.object({
    painPoints: z.number(),
    votes: z.number(),
    comments: z.number(),
    reports: z.number(),
  }),
});
export type PartnerSsoAccounts = z.infer<typeof PartnerSsoAccountsSchema>;

/** `POST /v1/partners/{id}/sso-accounts/suspension` (admin): why, for the audit log. */
export const PartnerSsoSuspensionCreateSchema = z.object({
  reason: z.string().check(textRule('multiple'), z.trim(), z.minLength(1), z.maxLength(1000)),
});
export type PartnerSsoSuspensionCreate = z.infer<typeof PartnerSsoSuspensionCreateSchema>;

/**
 * Answer of a suspension: every account the partner minted that could still sign in is
 * disabled, its session and SSO tokens revoked, and its votes withdrawn from the counts; the
 * partner's single sign-on signs no one in and creates no account until an admin lifts it.
 */
export const PartnerSsoSuspensionSchema = z.object({
  partnerId: IdSchema,
  reason: z.string(),
  /** Accounts suspended by this request (those already disabled are not counted again). */
  suspendedAccounts: z.number(),
  /** Votes of those accounts taken off pain points' counts. */
  votesWithdrawn: z.number(),
  suspendedAt: DateTimeSchema,
});
export type PartnerSsoSuspension = z.infer<typeof PartnerSsoSuspensionSchema>;

/**
 * `DELETE /v1/partners/{id}/sso-accounts/suspension` (admin): the suspension is lifted. The
 * accounts it suspended can be signed in again (their users sign in through the partner anew:
 * revoked tokens stay revoked); the votes it withdrew are not restored.
 */
export const PartnerSsoSuspensionLiftSchema = z.object({
  partnerId: IdSchema,
  /** Accounts the suspension had disabled that can sign in again (deleted ones, and ones an admin disabled since, excluded). */
  restoredAccounts: z.number(),
  liftedAt: DateTimeSchema,
});
export type PartnerSsoSuspensionLift = z.infer<typeof PartnerSsoSuspensionLiftSchema>;

/** Days `GET /v1/partners/me/stats` counts when `from` is left out. */
export const PARTNER_STATS_DEFAULT_DAYS = 30;
/** Longest window one stats query may cover: a leap year. Longer reports add several windows. */
export const PARTNER_STATS_MAX_DAYS = 366;
const DAY_MILLISECONDS = 86_400_000;

/** A stats window as asked, or why it is refused, naming the query field to change. */
export type PartnerStatsWindow =
  | { ok: true; from: Date; to: Date }
  | { ok: false; path: 'from' | 'to'; message: string };

/**
 * The half-open window `[from, to)` a stats query counts. `to` defaults to `now`, `from` to
 * {@link PARTNER_STATS_DEFAULT_DAYS} days before `to`. Refused: a value no `Date` can hold
 * (month 13, hour 25), `from` not before `to`, a window longer than {@link PARTNER_STATS_MAX_DAYS}
 * days. Errors about the window name `from`: it is the bound a caller who leaves `to` out
 * has given, and so the one to change.
 *
 * @example
 * partnerStatsWindow({ from: '2016-07-01T00:00:00Z' }, new Date('2016-07-13T00:00:00Z'));
 * // { ok: true, from: 2016-07-01T00:00:00.000Z, to: 2016-07-13T00:00:00.000Z }
 */
export function partnerStatsWindow(
  params: { from?: string | undefined; to?: string | undefined },
  now: Date,
): PartnerStatsWindow {
  const to = params.to === undefined ? now.getTime() : Date.parse(params.to);
  if (!Number.isFinite(to)) return { ok: false, path: 'to', message: 'to is not a valid date-time' };
  const from =
    params.from === undefined ? to - PARTNER_STATS_DEFAULT_DAYS * DAY_MILLISECONDS : Date.parse(params.from);
  if (!Number.isFinite(from)) return { ok: false, path: 'from', message: 'from is not a valid date-time' };
  if (from >= to) return { ok: false, path: 'from', message: 'from must be before to' };
  if (to - from > PARTNER_STATS_MAX_DAYS * DAY_MILLISECONDS) {
    return {
      ok: false,
      path: 'from',
      message: `from must be at most ${PARTNER_STATS_MAX_DAYS} days before to`,
    };
  }
  return { ok: true, from: new Date(from), to: new Date(to) };
}

/**
 * `GET /v1/partners/me/stats` query: ISO date-times, both optional (default: the last
 * {@link PARTNER_STATS_DEFAULT_DAYS} days up to now). The window checks that need no clock run
 * here; the server applies the defaults with its clock and checks again.
 */
export const PartnerStatsParamsSchema = z
  .object({
    from: z.optional(DateTimeSchema),
    to: z.optional(DateTimeSchema),
  })
  .check(
    z.superRefine((value, context) => {
      // Without `to` the window ends at the server's "now": only the server can judge it.
      if (value.to === undefined) return;
      const window = partnerStatsWindow(value, new Date(0));
      if (!window.ok)
        context.issues.push({ code: 'custom', path: [window.path], message: window.message, input: value });
    }),
  );
export type PartnerStatsParams = z.input<typeof PartnerStatsParamsSchema>;
