import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { preparedStatement } from './prepared-statements';

describe.skipIf(!process.env.TEST_DATABASE_URL)('prepared statements on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(() => database?.close());

  test('a marked text is prepared once per connection and reused; other texts are not prepared', async () => {
    const marked = preparedStatement('select $1::int + 1 as answer /* prepared-statements test */');
    const plain = 'select $1::int + 2 as answer /* prepared-statements test */';
    const prepared = await database.db.connection().execute(async (connection) => {
      const answers: number[] = [];
      for (const value of [1, 2, 3]) {
        const result = await connection.executeQuery<{ answer: number }>(CompiledQuery.raw(marked, [value]));
        answers.push(result.rows[0]?.answer ?? -1);
      }
      const other = await connection.executeQuery<{ answer: number }>(CompiledQuery.raw(plain, [1]));
      expect(other.rows).toEqual([{ answer: 3 }]);
      expect(answers).toEqual([2, 3, 4]);
      // Statements this session prepared: the marked text once, under its name.
      const rows = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements where statement like '%prepared-statements test%'
      `.execute(connection);
      return rows.rows;
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0]?.name).toMatch(/^wsc_[0-9a-f]{24}$/);
    expect(prepared[0]?.statement).toBe(marked);
  });

  test('queries, transactions and errors behave the same through the preparing pool', async () => {
    const text = preparedStatement('select 1 / $1::int as quotient /* prepared-statements test */');
    await expect(database.db.executeQuery(CompiledQuery.raw(text, [0]))).rejects.toMatchObject({
      code: '22012',
    });
    const after = await database.db
      .transaction()
      .execute((trx) => trx.executeQuery(CompiledQuery.raw(text, [1])));
    expect(after.rows).toEqual([{ quotient: 1 }]);
  });
});
