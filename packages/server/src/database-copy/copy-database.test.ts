import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import type { ServerOptions } from '../config';
import { createDatabase, type Database } from '../database/create-database';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server';
import { latestOutboxPosition } from '../outbox/outbox-reader';
import { createTestDatabase, databases, type TestDatabase, type TestServer } from '../test-support';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';
import { readSchemaShape, type SchemaShape, schemaDifferences } from './catalog';
import { compareDatabases } from './checksums';
import { copyDatabase, TargetNotEmptyError } from './copy-database';
import {
  answersOf,
  type CommunityAnswers,
  type EveryKindOfObject,
  expectSameCommunity,
  fillWithEveryKindOfObject,
  moveOutboxAhead,
  moveTestServerOptions,
} from './every-kind-of-object';

const onPostgres = databases().some((database) => database.kind === 'postgres');

describe.skipIf(!onPostgres)('db copy: a PGlite folder holding every kind of object, to PostgreSQL', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'wsc-copy-'));
  let smtp: TestSmtpServer;
  let receiver: TestReceiver;
  let serverOptions: ServerOptions;
  let fixture: EveryKindOfObject;
  let before: CommunityAnswers;
  let source: Database;
  let sourceShape: SchemaShape;
  let target: TestDatabase;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    receiver = await startTestReceiver();
    serverOptions = moveTestServerOptions(smtp);
    // The community on PGlite, as `npm start` keeps it: a folder, closed, opened again to copy.
    const embedded = await createDatabase({ dataDirectory: folder });
    const app = (await createServer({ ...serverOptions, database: embedded })) as unknown as TestServer;
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    fixture = await fillWithEveryKindOfObject(app, { smtp, receiver });
    before = await answersOf(app, base, fixture);
    await app.close();
    await embedded.close();
    source = await createDatabase({ dataDirectory: folder });
    // The target's cluster has run fewer transactions than the source: the copy must re-base.
    await moveOutboxAhead(source.db);
    sourceShape = await readSchemaShape(source.db);
    target = await createTestDatabase('postgres');
  }, 180_000);

  afterAll(async () => {
    await source?.close();
    await target?.close();
    await smtp?.close();
    await receiver?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the folder holds rows in every table the migrations create (extend every-kind-of-object.ts when one is added)', async () => {
    const empty: string[] = [];
    for (const table of sourceShape.tables) {
      const rows = await sql<{
        holds: boolean;
      }>`select exists (select 1 from ${sql.id(table.name)}) as holds`.execute(source.db);
      if (!rows.rows[0]?.holds) empty.push(table.name);
    }
    expect(empty).toEqual([]);
    expect(sourceShape.tables.length).toBeGreaterThanOrEqual(38);
  });

  test('copies every table, sequence and outbox position, then finds the same counts and checksums on both sides', async () => {
    const progress = new Map<string, number>();
    // Three rows a batch: every table with more rows is read in several primary-key batches.
    const report = await copyDatabase(source.db, target.db, {
      batchSize: 3,
      onProgress: ({ table, copied }) => progress.set(table, copied),
    });
    const tables = sourceShape.tables.map((table) => table.name);
    expect(report.copied.map((copied) => copied.table)).toEqual(tables);
    expect(report.verification.checks.filter((check) => !check.matches)).toEqual([]);
    expect(report.verification.matches).toBe(true);
    expect(
      report.verification.checks.filter((check) => check.kind === 'table').map((check) => check.name),
    ).toEqual(tables);
    expect(
      report.verification.checks.filter((check) => check.kind === 'sequence').map((check) => check.name),
    ).toEqual(sourceShape.sequences);
    expect(report.verification.checks.find((check) => check.kind === 'outbox order')?.source?.rows).toBe(
      report.copied.find((copied) => copied.table === 'outbox_events')?.rows,
    );
    for (const copied of report.copied) expect(progress.get(copied.table)).toBe(copied.rows);
    // The same schema, foreign keys included (dropped for the copy, added back before the commit).
    expect(schemaDifferences(sourceShape, await readSchemaShape(target.db))).toEqual([]);
    // Every copied event is settled on the target: a new reader starts after the last of them.
    expect(report.outbox.runs).toBe(1);
    const highest = report.verification.checks.find((check) => check.name === 'outbox_events_id_seq');
    expect(await latestOutboxPosition(target.db)).toEqual({ xact: 3, id: Number(highest?.target?.checksum) });
  });

  test('the server started on PostgreSQL answers the same, and new writes get fresh ids', async () => {
    const app = (await createServer({ ...serverOptions, database: target })) as unknown as TestServer;
    try {
      await expectSameCommunity(app, await app.listen({ port: 0, host: '127.0.0.1' }), fixture, before);
      const registration = await app.inject({
        method: 'POST',
        url: `/v1/events/${fixture.eventId}/registrations`,
        headers: fixture.admin.headers,
        payload: { claim: { communityMember: true } },
      });
      expect(registration.statusCode, registration.body).toBe(201);
      expect(registration.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
    } finally {
      await app.close();
    }
  });

  test('refuses a target that holds rows, names them, and replaces it only when told', async () => {
    const refusal = await copyDatabase(source.db, target.db).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TargetNotEmptyError);
    expect((refusal as TargetNotEmptyError).tables).toContain('accounts');
    expect((refusal as Error).message).toMatch(/^the target database is not empty \(.*accounts.*\)/);
    const replaced = await copyDatabase(source.db, target.db, { replace: true });
    expect(replaced.verification.matches).toBe(true);
  });

  test('a changed, a missing or an added row is a mismatch of its table only', async () => {
    const other = await createTestDatabase('postgres');
    try {
      await copyDatabase(source.db, other.db);
      await other.db
        .updateTable('comments')
        .set({ body: 'Edited after the copy' })
        .where('parent_id', 'is not', null)
        .execute();
      await other.db.deleteFrom('webhook_attempts').where('id', '=', 1).execute();
      await sql`select setval('outbox_events_id_seq', 1000)`.execute(other.db);
      const comparison = await compareDatabases(source.db, other.db);
      expect(comparison.matches).toBe(false);
      expect(
        comparison.checks.filter((check) => !check.matches).map((check) => [check.kind, check.name]),
      ).toEqual([
        ['table', 'comments'],
        ['table', 'webhook_attempts'],
        ['sequence', 'outbox_events_id_seq'],
      ]);
      const comments = comparison.checks.find((check) => check.name === 'comments');
      expect(comments?.source?.rows).toBe(comments?.target?.rows);
    } finally {
      await other.close();
    }
  });
});
