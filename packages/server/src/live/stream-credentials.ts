import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { usableKey } from '../database/usable-key';
import type { Viewer } from '../outbox/audience';

/**
 * The credential an open stream was allowed with, checked again while it stays open: a member's
 * session or SSO user token (by its hash), or a partner's secret key, with the roles and the
 * organization its viewer was built from; or a publishable key alone. A publishable key sent
 * beside a user token is checked too: the stream was allowed through it, so revoking it ends the
 * stream as it refuses new requests. Anonymous streams only read public events and keep nothing.
 */
export type StreamCredential =
  | {
      kind: 'user-token';
      tokenHash: string;
      roles: readonly string[];
      organizationId: string | null;
      publishableKeyId: string | null;
    }
  | { kind: 'secret-key'; keyId: string; organizationId: string | null }
  | { kind: 'publishable-key'; keyId: string };

/** Rows per query of a check: thousands of streams stay within a few round trips. */
const BATCH = 500;

/**
 * The credential of a live-stream request with the organization of its `viewer`, or null when it
 * came without any (anonymous).
 *
 * @example
 * const credential = streamCredentialOf(request, viewer); // { kind: 'user-token', tokenHash, roles, organizationId, publishableKeyId }
 */
export function streamCredentialOf(request: FastifyRequest, viewer: Viewer): StreamCredential | null {
  const { account, partner, userTokenHash, publishableKey } = request.principal;
  const { organizationId } = viewer;
  if (account && userTokenHash) {
    return {
      kind: 'user-token',
      tokenHash: userTokenHash,
      roles: account.roles,
      organizationId,
      publishableKeyId: publishableKey?.id ?? null,
    };
  }
  if (partner?.keyKind === 'secret' && partner.keyId) {
    return { kind: 'secret-key', keyId: partner.keyId, organizationId };
  }
  if (publishableKey) return { kind: 'publishable-key', keyId: publishableKey.id };
  return null;
}

/**
 * The credentials among `credentials` that no longer hold: the token was revoked or expired,
 * its account disabled, deleted, given other roles or moved to another organization; the key
 * (secret, or publishable: alone or beside a token) was revoked, expired, or its partner disabled
 * or moved. The same conditions as the
 * request-time lookups of `access/principal` and the viewer of `live/viewer`.
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
  const publishableKeys = credentials.filter((credential) => credential.kind === 'publishable-key');
  const keyIds = new Set([
    ...keys.map((key) => key.keyId),
    ...publishableKeys.map((key) => key.keyId),
    ...tokens.flatMap((token) => (token.publishableKeyId ? [token.publishableKeyId] : [])),
  ]);
  const accountByHash = new Map<string, { roles: string[]; organizationId: string | null }>();
  for (const hashes of batches([...new Set(tokens.map((token) => token.tokenHash))])) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .leftJoin('stakeholders', 'stakeholders.id', 'accounts.id')
      .select(['sessions.token_hash', 'accounts.roles', 'stakeholders.organization_id'])
      .where('sessions.token_hash', 'in', hashes)
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', now)
      .where('accounts.disabled_at', 'is', null)
      .where('accounts.deleted_at', 'is', null)
      .execute();
    for (const row of rows) {
      accountByHash.set(row.token_hash, { roles: row.roles, organizationId: row.organization_id ?? null });
    }
  }
  const organizationByKey = new Map<string, string | null>();
  for (const ids of batches([...keyIds])) {
    const rows = await db
      .selectFrom('partner_keys')
      .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
      .select(['partner_keys.id', 'partners.organization_id'])
      .where('partner_keys.id', 'in', ids)
      .where(usableKey(now))
      .execute();
    for (const row of rows) organizationByKey.set(row.id, row.organization_id);
  }
  const lapsed = new Set<StreamCredential>();
  for (const token of tokens) {
    const account = accountByHash.get(token.tokenHash);
    if (
      !account ||
      !sameRoles(account.roles, token.roles) ||
      account.organizationId !== token.organizationId ||
      (token.publishableKeyId !== null && !organizationByKey.has(token.publishableKeyId))
    ) {
      lapsed.add(token);
    }
  }
  for (const key of keys) {
    if (!organizationByKey.has(key.keyId) || organizationByKey.get(key.keyId) !== key.organizationId) {
      lapsed.add(key);
    }
  }
  for (const key of publishableKeys) {
    if (!organizationByKey.has(key.keyId)) lapsed.add(key);
  }
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
