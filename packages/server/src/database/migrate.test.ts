import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seed } from '../seeders';
import { createTestDatabase, databases, type TestDatabase } from '../test-support/index';
import { findMigrationsDirectory, migrate } from './migrate';
import type { Seeder } from './seeders';

describe.each(databases())('migrations and seeds on $kind', ({ kind }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.close());

  test('every migration applies once, in order, and a second run changes nothing', async () => {
    const first = await migrate(database.db);
    expect(first.applied[0]).toBe('0001_platform.sql');
    expect(first.applied).toEqual([...first.applied].sort());
    const second = await migrate(database.db);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(first.applied);
    const recorded = await database.db.selectFrom('schema_migrations').select(['name', 'checksum']).execute();
    expect(recorded.map((row) => row.name)).toEqual(first.applied);
    for (const row of recorded) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  test('live e-mails are unique through a partial index, not a key an account deletion would lock against', async () => {
    const keys = await sql<{ name: string }>`
      select conname as name from pg_constraint
      where conrelid = 'accounts'::regclass and contype = 'u'
    `.execute(database.db);
    expect(keys.rows).toEqual([]);
    const indexes = await sql<{ definition: string }>`
      select indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = 'accounts'
        and indexname = 'accounts_email_normalized_live_idx'
    `.execute(database.db);
    expect(indexes.rows.map((row) => row.definition)).toEqual([
      expect.stringMatching(/^CREATE UNIQUE INDEX .* \(email_normalized\) WHERE \(deleted_at IS NULL\)$/),
    ]);
  });

  test('instances starting together migrate once', async () => {
    const results = await Promise.all([migrate(database.db), migrate(database.db), migrate(database.db)]);
    for (const result of results) expect(result.applied).toEqual([]);
  });

  test('the catalogue bodies are seeded once; re-running the seeders changes nothing', async () => {
    await seed(database.db);
    const organizations = await database.db
      .selectFrom('organizations')
      .select(['id', 'type'])
      .orderBy('id')
      .execute();
    expect(organizations.filter((row) => ['iec', 'iso', 'itu'].includes(row.id))).toEqual([
      { id: 'iec', type: 'standards-body' },
      { id: 'iso', type: 'standards-body' },
      { id: 'itu', type: 'standards-body' },
    ]);
    await database.db
      .updateTable('organizations')
      .set({ name: 'Renamed by an admin' })
      .where('id', '=', 'iec')
      .execute();
    expect(await seed(database.db)).toEqual([]);
    const iec = await database.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', 'iec')
      .executeTakeFirstOrThrow();
    expect(iec.name).toBe('Renamed by an admin');
  });

  test('a failing seeder rolls back and runs again next time', async () => {
    let attempts = 0;
    const flaky: Seeder = {
      name: `flaky-${kind}`,
      async run(db) {
        attempts += 1;
        await db.insertInto('partners').values({ name: 'seeded' }).execute();
        if (attempts === 1) throw new Error('boom');
      },
    };
    await expect(seed(database.db, [flaky])).rejects.toThrow('boom');
    expect(
      await database.db.selectFrom('partners').select('id').where('name', '=', 'seeded').execute(),
    ).toHaveLength(0);
    expect(await seed(database.db, [flaky])).toEqual([flaky.name]);
    expect(
      await database.db.selectFrom('partners').select('id').where('name', '=', 'seeded').execute(),
    ).toHaveLength(1);
  });

  test('the migrations folder ships with the package', () => {
    expect(findMigrationsDirectory()).toMatch(/packages[/\\]server[/\\]migrations$/);
  });

  test('pg_trgm is available on both databases', async () => {
    await sql`create extension if not exists pg_trgm`.execute(database.db);
    const result = await sql<{
      score: number;
    }>`select similarity('智慧城市', '智慧城市建设') as score`.execute(database.db);
    expect(result.rows[0]?.score).toBeGreaterThan(0);
  });
});
