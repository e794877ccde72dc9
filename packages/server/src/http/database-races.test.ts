import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, databases, type TestDatabase } from '../test-support';
import { installErrorHandling } from './error-handler';

/** Runs `write`, expecting the database to refuse it, and returns what it threw. */
async function refusal(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the database accepted the write');
}

/** A server whose one route throws the given database error, and the lines it logged. */
async function answerTo(error: unknown) {
  const lines: { level: number; msg: string }[] = [];
  const app = Fastify({
    logger: { level: 'info', stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
  });
  installErrorHandling(app);
  app.post('/write', async () => {
    throw error;
  });
  const response = await app.inject({ method: 'POST', url: '/write' });
  await app.close();
  return { response, logged: lines.filter((line) => line.msg === 'request failed') };
}

describe.each(databases())('database errors of concurrent writes on $kind', ({ kind }) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await sql`create table race_probe (id integer primary key, starts integer not null, ends integer not null, check (ends > starts))`.execute(
      database.db,
    );
    await sql`insert into race_probe values (1, 10, 20), (2, 10, 20)`.execute(database.db);
  });
  afterAll(() => database?.close());

  test('a CHECK constraint refusing the combination of two edits is a 409, not a 500, and is logged', async () => {
    // Two edits each valid alone: the start moved later, then the end moved earlier than it.
    await sql`update race_probe set starts = 15 where id = 1`.execute(database.db);
    const error = await refusal(() => sql`update race_probe set ends = 12 where id = 1`.execute(database.db));
    expect((error as { code?: string }).code).toBe('23514');

    const { response, logged } = await answerTo(error);
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'https://worldsmartcity.org/problems/conflict',
      title: 'Conflict with the current state',
      detail: expect.stringContaining('read it again'),
    });
    expect(response.body).not.toContain('race_probe');
    expect(logged).toHaveLength(1);
    const stored = await sql<{ ends: number }>`select ends from race_probe where id = 1`.execute(database.db);
    expect(stored.rows[0]?.ends).toBe(20);
  });

  test.skipIf(kind === 'pglite')('a deadlock is a 503 with Retry-After, which clients retry', async () => {
    // Two transactions take rows 1 and 2 in opposite orders: PostgreSQL rolls one of them back.
    const crossing = (first: number, second: number) =>
      database.db.transaction().execute(async (trx) => {
        await sql`update race_probe set starts = starts where id = ${first}`.execute(trx);
        await sql`select pg_sleep(0.2)`.execute(trx);
        await sql`update race_probe set starts = starts where id = ${second}`.execute(trx);
      });
    const outcomes = await Promise.allSettled([crossing(1, 2), crossing(2, 1)]);
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(failed).toHaveLength(1);
    const error = (failed[0] as PromiseRejectedResult).reason;
    expect((error as { code?: string }).code).toBe('40P01');

    const { response, logged } = await answerTo(error);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toMatchObject({ type: 'https://worldsmartcity.org/problems/unavailable' });
    expect(logged).toHaveLength(1);
  });
});
