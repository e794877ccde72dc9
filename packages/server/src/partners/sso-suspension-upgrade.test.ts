import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../database/migrate';
import { migrationsBefore } from '../database/migrations-before';
import { createTestDatabase, databases, type TestDatabase } from '../test-support/index';

// Issue #19 §3: a partner whose SSO accounts were suspended before suspensions stopped its
// minting is suspended after the upgrade, and a lift enables the accounts that suspension disabled.

describe.each(databases())('upgrading earlier SSO suspensions on $kind', ({ kind }) => {
  let database: TestDatabase;
  let earlier: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    earlier = migrationsBefore('0015');
  });
  afterAll(async () => {
    rmSync(earlier, { recursive: true, force: true });
    await database?.close();
  });

  test('the audit log of an earlier suspension becomes the suspension and its marks', async () => {
    expect((await migrate(database.db, earlier)).applied.at(-1)).toBe('0014_one_vote_per_person.sql');
    const db = database.db;
    const [suspended = '', untouched = ''] = (
      await db
        .insertInto('partners')
        .values([{ name: 'Bulk partner' }, { name: 'Honest partner' }])
        .returning('id')
        .execute()
    ).map((row) => row.id);
    const at = new Date('2026-03-01T10:00:00Z');
    const accounts = await db
      .insertInto('accounts')
      .values([
        { email: 'u1@bulk.example.org', disabled_at: at },
        { email: 'u2@bulk.example.org', disabled_at: at },
        // Disabled by that suspension, enabled again by an admin since.
        { email: 'u3@bulk.example.org', disabled_at: null },
        { email: 'u1@honest.example.org', disabled_at: null },
      ])
      .returning('id')
      .execute();
    const ids = accounts.map((account) => account.id);
    await db
      .insertInto('partner_identities')
      .values(
        ids.map((accountId, index) => ({
          partner_id: index < 3 ? suspended : untouched,
          external_user_id: `u${index}`,
          account_id: accountId,
        })),
      )
      .execute();
    await db
      .insertInto('audit_log')
      .values({
        at,
        actor_id: null,
        partner_id: suspended,
        action: 'partner.sso_accounts_suspended',
        subject_type: 'partner',
        subject_id: suspended,
        data: JSON.stringify({
          reason: 'Bulk accounts',
          accountIds: ids.slice(0, 3),
          votesWithdrawn: 0,
        }) as never,
      })
      .execute();

    expect((await migrate(db)).applied[0]).toBe('0015_partner_sso_suspensions.sql');
    const suspensions = await db.selectFrom('partner_sso_suspensions').selectAll().execute();
    expect(suspensions).toEqual([
      { partner_id: suspended, reason: 'Bulk accounts', suspended_at: at, suspended_by: null },
    ]);
    const marked = await db
      .selectFrom('partner_identities')
      .select('account_id')
      .where('suspended_at', 'is not', null)
      .orderBy('account_id')
      .execute();
    expect(marked.map((row) => row.account_id)).toEqual(ids.slice(0, 2).sort());
  });
});
