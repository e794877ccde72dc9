import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../database/migrate';
import { migrationsBefore } from '../database/migrations-before';
import { createTestDatabase, databases, type TestDatabase } from '../test-support/index';
import { countVotes } from './repository';

// Issue #19 §3: counts stored before one vote per person came down to the people at the upgrade.

describe.each(databases())('upgrading stored votes to one per person on $kind', ({ kind }) => {
  let database: TestDatabase;
  let earlier: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    earlier = migrationsBefore('0014');
  });
  afterAll(async () => {
    rmSync(earlier, { recursive: true, force: true });
    await database?.close();
  });

  test("one person's community and SSO votes count once; the count and trending score follow", async () => {
    expect((await migrate(database.db, earlier)).applied.at(-1)).toBe('0013_partner_limits.sql');
    const db = database.db;
    const accounts = await db
      .insertInto('accounts')
      .values([
        { email: 'ada@example.org', email_normalized: 'ada@example.org', password_hash: null },
        { email: ' Ada@Example.org', email_normalized: null, password_hash: null },
        { email: 'grace@example.org', email_normalized: null, password_hash: null },
        {
          email: 'deleted@deleted.invalid',
          email_normalized: 'deleted@deleted.invalid',
          password_hash: null,
          deleted_at: new Date(),
        },
      ])
      .returning('id')
      .execute();
    const ids = accounts.map((account) => account.id);
    const [inflated = '', honest = ''] = await Promise.all(
      ['Inflated', 'Honest'].map(async (title) => {
        const row = await db
          .insertInto('pain_points')
          .values({
            title: JSON.stringify({ en: title }) as never,
            description: JSON.stringify({ en: title }) as never,
            language: 'en',
            domain: 'water',
            severity: 'high',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      }),
    );
    await sql`
      insert into votes (pain_point_id, account_id)
      select ${inflated}, id from accounts union all select ${honest}, ${ids[2]}
    `.execute(db);
    const score = sql`log((1 + vote_count)::double precision) + extract(epoch from (created_at - '2016-01-18T00:00:00Z'::timestamptz))::double precision / 45000`;
    await sql`update pain_points set vote_count = case when id = ${inflated} then 4 else 1 end`.execute(db);
    await sql`update pain_points set trending_score = ${score}`.execute(db);

    expect((await migrate(db)).applied[0]).toBe('0014_one_vote_per_person.sql');
    const counts = await db
      .selectFrom('pain_points')
      .select(['id', 'vote_count', sql<boolean>`trending_score = ${score}`.as('scored')])
      .orderBy('vote_count', 'desc')
      .execute();
    // Ada's two accounts are one person; Grace and the deleted account are two more.
    expect(counts).toEqual([
      { id: inflated, vote_count: 3, scored: true },
      { id: honest, vote_count: 1, scored: true },
    ]);
    expect(await countVotes(db, inflated)).toBe(3);
    const deletedKey = await db
      .selectFrom('votes')
      .select('voter_key')
      .where('account_id', '=', ids[3] as string)
      .executeTakeFirstOrThrow();
    expect(deletedKey.voter_key).toBe(`deleted:${ids[3]}`);
    const voters = await db
      .selectFrom('pain_point_voters')
      .select(['votes'])
      .where('pain_point_id', '=', inflated)
      .orderBy('votes', 'desc')
      .execute();
    expect(voters.map((row) => row.votes)).toEqual([2, 1, 1]);
  });
});
