import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support/index';
import { migrate } from './migrate';

describe('PGlite dialect', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await migrate(database.db);
  });
  afterAll(() => database?.close());

  test('concurrent transactions never interleave on the single PGlite session', async () => {
    const increments = Array.from({ length: 20 }, (_, index) =>
      database.db.transaction().execute(async (trx) => {
        const partner = await trx
          .insertInto('partners')
          .values({ name: `p${index}` })
          .returning('id')
          .executeTakeFirstOrThrow();
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (index % 4 === 0) throw new Error(`rollback ${index}`);
        return partner.id;
      }),
    );
    const results = await Promise.allSettled(increments);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(5);
    const rows = await database.db.selectFrom('partners').select('name').execute();
    expect(rows).toHaveLength(15);
  });

  test('bigint counts come back as numbers, timestamps as dates', async () => {
    const row = await database.db
      .selectFrom('partners')
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('created_at').as('latest')])
      .executeTakeFirstOrThrow();
    expect(row.count).toBe(15);
    expect(row.latest).toBeInstanceOf(Date);
  });

  test('a second process cannot open the same data folder', async () => {
    const { writeFileSync } = await import('node:fs');
    const { createDatabase } = await import('./create-database');
    // Pretend the parent of this test runner (alive) holds the folder.
    writeFileSync(`${database.location}/pglite.pid`, String(process.ppid));
    await expect(createDatabase({ dataDirectory: database.location })).rejects.toThrow(/in use by process/);
    writeFileSync(`${database.location}/pglite.pid`, String(process.pid));
  });
});
