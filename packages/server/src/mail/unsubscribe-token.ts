import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { isOptionalKind, type OptionalMailKind } from './member-mail-rules';

/** What an unsubscribe token names: one member, one kind of mail. */
export interface UnsubscribeClaim {
  accountId: string;
  kind: OptionalMailKind;
}

/**
 * The HMAC key of unsubscribe tokens, kept in the database so that every instance signs and
 * checks alike; the first caller writes it (one statement: the insert, or the stored key). When
 * another transaction wrote it meanwhile, the insert waits for it and does nothing, and the
 * statement's snapshot, taken before that commit, cannot see the row: a second statement reads it.
 */
async function signingKey(db: Kysely<DatabaseSchema>): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64url');
  const result = await sql<{ secret: string }>`
    with inserted as (
      insert into mail_signing_keys (id, secret) values (1, ${fresh})
      on conflict (id) do nothing
      returning secret
    )
    select secret from inserted
    union all
    select secret from mail_signing_keys where id = 1
    limit 1
  `.execute(db);
  const secret =
    result.rows[0]?.secret ??
    (await db.selectFrom('mail_signing_keys').select('secret').where('id', '=', 1).executeTakeFirst())
      ?.secret;
  if (!secret) throw new Error('the mail signing key could not be read');
  return Buffer.from(secret, 'base64url');
}

function signature(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`wsc-unsubscribe.${payload}`).digest();
}

/**
 * Signs an unsubscribe token for a member and a kind of mail: `<payload>.<HMAC-SHA256>`. It
 * grants one thing, turning that kind off for that member, so it needs no expiry and no sign-in
 * (RFC 8058 one-click); it never names the member's address.
 *
 * @example
 * const token = await signUnsubscribeToken(trx, { accountId, kind: 'digest' });
 */
export async function signUnsubscribeToken(
  db: Kysely<DatabaseSchema>,
  claim: UnsubscribeClaim,
): Promise<string> {
  const payload = Buffer.from(JSON.stringify({ a: claim.accountId, k: claim.kind })).toString('base64url');
  return `${payload}.${signature(await signingKey(db), payload).toString('base64url')}`;
}

/**
 * Checks a token's signature (constant time) and reads what it names; null for anything that
 * is not a token this platform signed.
 *
 * @example
 * const claim = await verifyUnsubscribeToken(db, token); // { accountId, kind } | null
 */
export async function verifyUnsubscribeToken(
  db: Kysely<DatabaseSchema>,
  token: string,
): Promise<UnsubscribeClaim | null> {
  const [payload, given, extra] = token.split('.');
  if (!payload || !given || extra !== undefined) return null;
  const expected = signature(await signingKey(db), payload);
  const received = Buffer.from(given, 'base64url');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return null;
  try {
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      a?: unknown;
      k?: unknown;
    };
    if (typeof claim.a !== 'string' || typeof claim.k !== 'string' || !isOptionalKind(claim.k as never))
      return null;
    return { accountId: claim.a, kind: claim.k as OptionalMailKind };
  } catch {
    return null;
  }
}
