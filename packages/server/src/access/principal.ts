import type { AccountRole } from '@wsc/models';
import type { PartnerScope } from '@wsc/models/partner';
import type { FastifyRequest } from 'fastify';
import { CompiledQuery, type Kysely } from 'kysely';
import { preparedStatement } from '../database/prepared-statements';
import type { DatabaseSchema } from '../database/schema';
import { usableKey } from '../database/usable-key';
import { type DomainError, domainError } from '../errors/domain-error';
import { hashToken, tokenKind } from './tokens';

/** The signed-in member a request acts for. `stakeholderId` equals `id` (one profile per account). */
export interface PrincipalAccount {
  id: string;
  roles: AccountRole[];
  stakeholderId: string;
  /** How the member signed in: a community session or a partner's SSO user token. */
  via: 'session' | 'sso';
}

/**
 * The partner application a request came through: a publishable key (browser), a secret key
 * (server), or the partner that minted the SSO user token.
 */
export interface PrincipalPartner {
  id: string;
  keyKind: 'publishable' | 'secret' | 'sso';
  /** The key's id (null for SSO tokens). */
  keyId: string | null;
  scopes: PartnerScope[];
}

export interface Principal {
  account: PrincipalAccount | null;
  partner: PrincipalPartner | null;
  /** True when a publishable key listed the request's `Origin` (CORS then reflects it). */
  originVerified: boolean;
  /**
   * The publishable key sent with the request, if any, with its own scopes: also when an SSO
   * user token names the partner (`partner.keyKind` is then `sso`), so a widget's writes are
   * held to its key's `content:write` either way.
   */
  publishableKey: PrincipalPublishableKey | null;
  /**
   * The sha256 of the session or SSO user token the member signed in with (null without one):
   * what an open live stream checks again while it stays open.
   */
  userTokenHash: string | null;
}

/** A publishable key a request came with (see {@link Principal.publishableKey}). */
export interface PrincipalPublishableKey {
  id: string;
  partnerId: string;
  scopes: PartnerScope[];
}

/** Header carrying a publishable key; `?key=` in the query works too (script tags, EventSource). */
export const PUBLISHABLE_KEY_HEADER = 'x-wsc-publishable-key';

/** The principal of a request that names nobody. */
export const ANONYMOUS: Principal = Object.freeze({
  account: null,
  partner: null,
  originVerified: false,
  publishableKey: null,
  userTokenHash: null,
});

/**
 * The 401 of a credential that is unknown, expired or revoked.
 *
 * @example
 * throw invalidToken('This secret key was revoked while the request ran.');
 */
export function invalidToken(detail: string): DomainError {
  return domainError('invalid-credentials', {
    detail,
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
  });
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw invalidToken('The Authorization header must be "Bearer <token>".');
  return match[1];
}

function publishableKey(request: FastifyRequest): string | null {
  const header = request.headers[PUBLISHABLE_KEY_HEADER];
  if (typeof header === 'string' && header) return header;
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.key;
  return typeof fromQuery === 'string' && fromQuery ? fromQuery : null;
}

/**
 * Whether a request names anyone: an `Authorization` header or a publishable key. Without
 * either, `resolvePrincipal` answers anonymous without touching the database.
 *
 * @example
 * carriesCredentials(request); // false for a plain anonymous read
 */
export function carriesCredentials(request: FastifyRequest): boolean {
  return request.headers.authorization !== undefined || publishableKey(request) !== null;
}

/**
 * Works out who is calling from the `Authorization` bearer token (session, SSO user token or
 * `sk_…`) and the publishable key. Throws 401 for a token that is unknown, revoked or expired,
 * and 403 for a secret key sent by a browser or a publishable key used from a foreign origin.
 *
 * @example
 * request.principal = await resolvePrincipal(app.db, request);
 */
export async function resolvePrincipal(
  db: Kysely<DatabaseSchema>,
  request: FastifyRequest,
): Promise<Principal> {
  const token = bearerToken(request);
  const publishable = publishableKey(request);
  if (!token && !publishable) return ANONYMOUS;
  const origin = request.headers.origin;
  let account: PrincipalAccount | null = null;
  let partner: PrincipalPartner | null = null;
  let originVerified = false;
  let publishableKeyUsed: PrincipalPublishableKey | null = null;
  let userTokenHash: string | null = null;

  if (token) {
    const kind = tokenKind(token);
    if (kind === 'secret') {
      if (origin) {
        throw domainError('secret-key-in-browser', {
          detail:
            'Secret keys (sk_…) only work from servers. Revoke this key now: it was exposed to a web page. Browsers use a publishable key.',
        });
      }
      partner = await findSecretKey(db, token);
    } else if (kind === 'session' || kind === 'sso') {
      userTokenHash = hashToken(token);
      const found = await findUserToken(db, userTokenHash);
      account = found.account;
      if (found.partnerId) partner = { id: found.partnerId, keyKind: 'sso', keyId: null, scopes: [] };
    } else {
      throw invalidToken('The bearer token is not a token of this platform.');
    }
  }

  if (publishable && (!partner || partner.keyKind === 'sso')) {
    const key = await findPublishableKey(db, publishable);
    if (origin && !key.allowedOrigins.includes(origin)) {
      throw domainError('origin-not-allowed', {
        detail: `The publishable key does not list ${origin} among its allowed origins.`,
      });
    }
    originVerified = Boolean(origin);
    publishableKeyUsed = { id: key.id, partnerId: key.partnerId, scopes: key.scopes };
    // A publishable key names the site; an SSO token's partner stays as attribution if the key is another's.
    partner ??= { id: key.partnerId, keyKind: 'publishable', keyId: key.id, scopes: key.scopes };
  }
  return { account, partner, originVerified, publishableKey: publishableKeyUsed, userTokenHash };
}

async function findSecretKey(db: Kysely<DatabaseSchema>, token: string): Promise<PrincipalPartner> {
  const row = await db
    .selectFrom('partner_keys')
    .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
    .select(['partner_keys.id', 'partner_keys.partner_id', 'partner_keys.scopes', 'partner_keys.kind'])
    .where('partner_keys.token_hash', '=', hashToken(token))
    .where(usableKey(new Date()))
    .executeTakeFirst();
  if (row?.kind !== 'secret') throw invalidToken('The secret key is unknown or revoked.');
  return { id: row.partner_id, keyKind: 'secret', keyId: row.id, scopes: row.scopes as PartnerScope[] };
}

async function findPublishableKey(db: Kysely<DatabaseSchema>, key: string) {
  const row = await db
    .selectFrom('partner_keys')
    .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
    .select([
      'partner_keys.id',
      'partner_keys.partner_id',
      'partner_keys.scopes',
      'partner_keys.kind',
      'partner_keys.allowed_origins',
    ])
    .where('partner_keys.token_hash', '=', hashToken(key))
    .where(usableKey(new Date()))
    .executeTakeFirst();
  if (row?.kind !== 'publishable') throw invalidToken('The publishable key is unknown or revoked.');
  return {
    id: row.id,
    partnerId: row.partner_id,
    scopes: row.scopes as PartnerScope[],
    allowedOrigins: row.allowed_origins,
  };
}

/**
 * The session lookup every signed-in request makes, as text written once: building it with the
 * query builder on each request cost about as much CPU as running it. Still one query a
 * request, so a revoked session is refused at once (revoking a secret key revokes the SSO tokens
 * it issued in the same transaction: `revokePartnerKey`).
 */
const USER_TOKEN_SQL =
  preparedStatement(`select accounts.id, accounts.roles, sessions.kind, sessions.partner_id
  from sessions inner join accounts on accounts.id = sessions.account_id
  where sessions.token_hash = $1 and sessions.revoked_at is null and sessions.expires_at > $2
    and accounts.disabled_at is null and accounts.deleted_at is null`);

interface UserTokenRow {
  id: string;
  roles: string[];
  kind: 'session' | 'sso';
  partner_id: string | null;
}

async function findUserToken(db: Kysely<DatabaseSchema>, tokenHash: string) {
  const result = await db.executeQuery<UserTokenRow>(
    CompiledQuery.raw(USER_TOKEN_SQL, [tokenHash, new Date()]),
  );
  const row = result.rows[0];
  if (!row) throw invalidToken('The token is unknown, expired or revoked; sign in again.');
  return {
    account: {
      id: row.id,
      roles: row.roles as AccountRole[],
      stakeholderId: row.id,
      via: row.kind,
    } satisfies PrincipalAccount,
    partnerId: row.partner_id,
  };
}
