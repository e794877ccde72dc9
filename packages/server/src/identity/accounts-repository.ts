import type { Account, AccountRole, Stakeholder, StakeholderRole } from '@wsc/models';
import type { Kysely, Selectable } from 'kysely';
import { generateToken, hashToken } from '../access/tokens';
import type { AccountsTable, DatabaseSchema, StakeholdersTable } from '../database/schema';

export interface NewAccount {
  email: string;
  /** Null: the account can only sign in through a partner. */
  passwordHash: string | null;
  roles?: AccountRole[];
  language?: string | null;
  displayName: string;
  role: StakeholderRole;
  country?: string | null;
  city?: string | null;
  partnerId?: string | null;
}

/**
 * The unique login name of an e-mail address.
 *
 * @example
 * normalizeEmail(' Ada@Example.ORG '); // 'ada@example.org'
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates an account and its public profile (same id). Password accounts own their e-mail
 * address (unique); partner-only accounts keep it as contact data without claiming it.
 *
 * @example
 * const id = await createAccount(trx, { email, passwordHash, displayName: 'Ada', role: 'urban-planner' });
 */
export async function createAccount(db: Kysely<DatabaseSchema>, account: NewAccount): Promise<string> {
  const inserted = await db
    .insertInto('accounts')
    .values({
      email: account.email.trim(),
      email_normalized: account.passwordHash === null ? null : normalizeEmail(account.email),
      password_hash: account.passwordHash,
      roles: account.roles ?? ['member'],
      language: account.language ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('stakeholders')
    .values({
      id: inserted.id,
      display_name: account.displayName,
      role: account.role,
      // No organization: membership is asked for and granted, never set with the account.
      organization_id: null,
      country: account.country ?? null,
      city: account.city ?? null,
      bio: null,
      partner_id: account.partnerId ?? null,
    })
    .execute();
  return inserted.id;
}

/**
 * Mints a bearer token for an account and stores only its sha256.
 *
 * @example
 * const { token, expiresAt } = await createUserToken(db, { accountId, kind: 'session', ttlSeconds: 2592000 });
 */
export async function createUserToken(
  db: Kysely<DatabaseSchema>,
  options: {
    accountId: string;
    kind: 'session' | 'sso';
    ttlSeconds: number;
    partnerId?: string | null;
    /** The secret key that vouched for an SSO user: revoking it ends the token. */
    partnerKeyId?: string | null;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken(options.kind);
  const expiresAt = new Date(Date.now() + options.ttlSeconds * 1000);
  await db
    .insertInto('sessions')
    .values({
      account_id: options.accountId,
      token_hash: hashToken(token),
      kind: options.kind,
      partner_id: options.partnerId ?? null,
      partner_key_id: options.partnerKeyId ?? null,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** Whose bearer tokens {@link revokeUserTokens} ends. */
export type TokenHolder =
  | { tokenHash: string }
  | { accountId: string }
  | { partnerKeyId: string }
  | { partnerId: string };

/**
 * Revokes the live bearer tokens of one holder, in the caller's transaction: one token (logout),
 * every token of an account (disabling, deletion), or the SSO user tokens one secret key, or
 * any key of a partner, issued. Tokens revoked before keep the moment they were revoked.
 *
 * @example
 * await revokeUserTokens(trx, { accountId });
 */
export async function revokeUserTokens(db: Kysely<DatabaseSchema>, holder: TokenHolder): Promise<void> {
  let query = db.updateTable('sessions').set({ revoked_at: new Date() }).where('revoked_at', 'is', null);
  if ('tokenHash' in holder) query = query.where('token_hash', '=', holder.tokenHash);
  else if ('accountId' in holder) query = query.where('account_id', '=', holder.accountId);
  else if ('partnerKeyId' in holder) query = query.where('partner_key_id', '=', holder.partnerKeyId);
  else {
    const keys = db.selectFrom('partner_keys').select('id').where('partner_id', '=', holder.partnerId);
    query = query.where('partner_key_id', 'in', keys);
  }
  await query.execute();
}

/**
 * The API shape of an account row.
 *
 * @example
 * reply.send(toAccount(row));
 */
export function toAccount(row: Selectable<AccountsTable>): Account {
  return {
    id: row.id,
    email: row.email,
    accountRoles: row.roles as AccountRole[],
    language: (row.language ?? null) as Account['language'],
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
    emailConfirmedAt: row.email_confirmed_at ? row.email_confirmed_at.toISOString() : null,
  };
}

/**
 * The public profile shape of a stakeholder row (never the e-mail address).
 *
 * @example
 * toStakeholder(await db.selectFrom('stakeholders').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
 */
export function toStakeholder(row: Selectable<StakeholdersTable>): Stakeholder {
  return {
    id: row.id,
    displayName: row.display_name,
    role: row.role as StakeholderRole,
    organizationId: row.organization_id,
    country: row.country,
    city: row.city,
    bio: row.bio,
    createdAt: row.created_at.toISOString(),
  };
}
