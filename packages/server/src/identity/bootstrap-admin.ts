import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { createAccount, normalizeEmail } from './accounts-repository';
import { hashPassword } from './password';

/** Any constant: instances starting together create the admin one after the other, not twice. */
const BOOTSTRAP_ADMIN_LOCK = 7_242_017;

/**
 * Creates the first admin from `WSC_ADMIN_EMAIL` + `WSC_ADMIN_PASSWORD`, or updates that
 * account (password, admin role, enabled) when it exists. Runs at every start, from any number of
 * instances at once.
 *
 * @example
 * await bootstrapAdmin(db, { email: 'admin@example.org', password: 'a long passphrase' });
 */
export async function bootstrapAdmin(
  db: Kysely<DatabaseSchema>,
  admin: { email: string; password: string },
): Promise<string> {
  if (admin.password.length < 10) throw new Error('WSC_ADMIN_PASSWORD must have at least 10 characters');
  const passwordHash = await hashPassword(admin.password);
  return db.transaction().execute(async (trx) => {
    // Without it, two instances starting together both find no admin and the second insert fails.
    await sql`select pg_advisory_xact_lock(${BOOTSTRAP_ADMIN_LOCK})`.execute(trx);
    const existing = await trx
      .selectFrom('accounts')
      .select(['id', 'roles'])
      .where('email_normalized', '=', normalizeEmail(admin.email))
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) {
      const roles = existing.roles.includes('admin') ? existing.roles : [...existing.roles, 'admin'];
      await trx
        .updateTable('accounts')
        .set({
          password_hash: passwordHash,
          roles,
          disabled_at: null,
          deleted_at: null,
          updated_at: new Date(),
        })
        .where('id', '=', existing.id)
        .execute();
      return existing.id;
    }
    return createAccount(trx, {
      email: admin.email,
      passwordHash,
      roles: ['member', 'admin'],
      displayName: 'Administrator',
      role: 'standardization-expert',
    });
  });
}
