import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, databases, type TestDatabase } from '../test-support/index';
import { migrate } from './migrate';
import { migrationsBefore } from './migrations-before';

// Issue #19 §1: registration events stored with the organisers of their day name the event
// instead after the upgrade, so replays judge them by today's organisers.

describe.each(databases())('upgrading stored registration audiences on $kind', ({ kind }) => {
  let database: TestDatabase;
  let earlier: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    earlier = migrationsBefore('0010');
  });
  afterAll(async () => {
    rmSync(earlier, { recursive: true, force: true });
    await database?.close();
  });

  test('a registration event stored with the organisers of its day names its event instead', async () => {
    expect((await migrate(database.db, earlier)).applied.at(-1)).toBe('0009_organization_memberships.sql');
    const insert = (type: string, data: object, audience: object) => sql`
      insert into outbox_events (type, subject_type, subject_id, topics, data, audience)
      values (${type}, 'registration', 'r1', '{registrations}'::text[], ${JSON.stringify(data)}::jsonb,
              ${JSON.stringify(audience)}::jsonb)
    `;
    await insert(
      'registration.created',
      { id: 'r1', eventId: 'e1', stakeholderId: 'a1' },
      { accountIds: ['a1'], organizationIds: ['itu'], partnerIds: ['p1'] },
    ).execute(database.db);
    await insert('comment.created', { id: 'c1', body: 'Hello' }, { public: true }).execute(database.db);

    expect((await migrate(database.db)).applied[0]).toBe('0010_outbox_events_read_as_today.sql');
    const rows = await database.db
      .selectFrom('outbox_events')
      .select(['type', 'audience'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        type: 'registration.created',
        audience: { accountIds: ['a1'], partnerIds: ['p1'], organisersOfEvent: 'e1' },
      },
      { type: 'comment.created', audience: { public: true } },
    ]);
  });
});
