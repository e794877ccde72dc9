import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { bearerToken } from '../identity/principal';
import { hashToken } from '../identity/tokens';

/**
 * The credential an open stream was allowed with, checked again while it stays open: a member's
 * session or SSO user token (by its hash, with the roles the stream was opened with), or a
 * partner's secret key. Streams opened without either only read public events and keep nothing.
 */
export type StreamCredential =
  | { kind: 'user-token'; tokenHash: string; roles: readonly string[] }
  | { kind: 'secret-key'; keyId: string };

/** Rows per query of a check: thousands of streams stay within a few round trips. */
const BATCH = 500;

/**
 * The credential of a live-stream request, or null when it reads public events only (anonymous,
 * or a publishable key without a member).
 *
 * @example
 * const credential = streamCredentialOf(request); // { kind: 'user-token', tokenHash, roles }
 */
export function streamCredentialOf(request: FastifyRequest): StreamCredential | null {
  const { account, partner } = request.principal;
  const token = account ? bearerToken(request) : null;
  if (account && token) return { kind: 'user-token', tokenHash: hashToken(token), roles: account.roles };
  if (partner?.keyKind === 'secret' && partner.keyId) return { kind: 'secret-key', keyId: partner.keyId };
  return null;
}

/**
 * The credentials among `credentials` that no longer hold: the token was revoked or expired,
 * its account disabled, deleted or given other roles; the key was revoked, expired, or its
 * partner disabled. The same conditions as the request-time lookups of `identity/principal`.
 *
 * @example
 * const lapsed = await lapsedCredentials(db, [{ kind: 'secret-key', keyId }], new Date());
 */
export async function lapsedCredentials(
  db: Kysely<DatabaseSchema>,
  credentials: readonly StreamCredential[],
  now: Date,
): Promise<Set<StreamCredential>> {
  const tokens = credentials.filter((credential) => credential.kind === 'user-token');
  const keys = credentials.filter((credential) => credential.kind === 'secret-key');
  const rolesByHash = new Map<string, string[]>();
  for (const hashes of batches([...new Set(tokens.map((token) => token.tokenHash))])) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['sessions.token_hash', 'accounts.roles'])
      .where('sessions.token_hash', 'in', hashes)
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', now)
      .where('accounts.disabled_at', 'is', null)
      .where('accounts.deleted_at', 'is', null)
      .execute();
    for (const row of rows) rolesByHash.set(row.token_hash, row.roles);
  }
  const liveKeys = new Set<string>();
  for (const ids of batches([...new Set(keys.map((key) => key.keyId))])) {
    const rows = await db
      .selectFrom('partner_keys')
      .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
      .select('partner_keys.id')
      .where('partner_keys.id', 'in', ids)
      .where('partner_keys.revoked_at', 'is', null)
      .where((eb) =>
        eb.or([eb('partner_keys.expires_at', 'is', null), eb('partner_keys.expires_at', '>', now)]),
      )
      .where('partners.disabled_at', 'is', null)
      .execute();
    for (const row of rows) liveKeys.add(row.id);
  }
  const lapsed = new Set<StreamCredential>();
  for (const token of tokens) {
    const roles = rolesByHash.get(token.tokenHash);
    if (!roles || !sameRoles(roles, token.roles)) lapsed.add(token);
  }
  for (const key of keys) if (!liveKeys.has(key.keyId)) lapsed.add(key);
  return lapsed;
}

function sameRoles(current: readonly string[], opened: readonly string[]): boolean {
  return current.length === opened.length && current.every((role) => opened.includes(role));
}

function batches<Value>(values: Value[]): Value[][] {
  const result: Value[][] = [];
  for (let start = 0; start < values.length; start += BATCH) result.push(values.slice(start, start + BATCH));
  return result;
}
