import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, databases, type TestDatabase } from '../test-support/index';
import { migrate } from './migrate';
import { migrationsBefore } from './migrations-before';

describe.each(databases())('upgrading to granted membership on $kind', ({ kind }) => {
  let database: TestDatabase;
  let earlier: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    earlier = migrationsBefore('0009');
  });
  afterAll(async () => {
    rmSync(earlier, { recursive: true, force: true });
    await database?.close();
  });

  test('organizations members set on themselves become pending requests that grant nothing', async () => {
    expect((await migrate(database.db, earlier)).applied.at(-1)).toBe('0008_sso_token_keys.sql');
    const db = database.db;
    await db
      .insertInto('organizations')
      .values({ id: 'iec', slug: 'iec', name: 'IEC', type: 'standards-body' })
      .execute();
    const accounts = await db
      .insertInto('accounts')
      .values([
        { email: 'claimed@example.org', email_normalized: 'claimed@example.org', password_hash: null },
        { email: 'none@example.org', email_normalized: 'none@example.org', password_hash: null },
      ])
      .returning('id')
      .execute();
    const [claimed, none] = accounts.map((account) => account.id) as [string, string];
    await db
      .insertInto('stakeholders')
      .values([
        { id: claimed, display_name: 'Claimed', role: 'consultant', organization_id: 'iec' },
        { id: none, display_name: 'None', role: 'consultant', organization_id: null },
      ])
      .execute();

    expect((await migrate(db)).applied[0]).toBe('0009_organization_memberships.sql');
    const profiles = await db
      .selectFrom('stakeholders')
      .select(['id', 'organization_id'])
      .orderBy('id')
      .execute();
    expect(profiles.every((profile) => profile.organization_id === null)).toBe(true);
    const memberships = await db
      .selectFrom('organization_memberships')
      .select(['organization_id', 'account_id', 'status', 'role', 'basis'])
      .execute();
    expect(memberships).toEqual([
      { organization_id: 'iec', account_id: claimed, status: 'pending', role: 'member', basis: 'request' },
    ]);
  });
});
