// The backup the self-hosting guide gives for PostgreSQL, run with the machine's real tools:
// pg_dump in its custom format while nothing else is needed, pg_restore into a new database,
// the API started on it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import type { ServerOptions } from '../config';
import { createDatabase, type Database, quoteIdentifier } from '../database/create-database';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server';
import { databases, type TestServer } from '../test-support';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';
import { compareDatabases } from './checksums';
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

/** Runs one statement on TEST_DATABASE_URL: creating and dropping the databases beside it. */
async function administer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  expect(result.status, `${command} ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

describe.skipIf(!onPostgres)('pg_dump and pg_restore of a community holding every kind of object', () => {
  const suffix = randomBytes(5).toString('hex');
  const names = { original: `wsc_dump_${suffix}`, restored: `wsc_restore_${suffix}` };
  const folder = mkdtempSync(path.join(tmpdir(), 'wsc-dump-'));
  const dumpFile = path.join(folder, 'wsc.dump');
  let smtp: TestSmtpServer;
  let receiver: TestReceiver;
  let serverOptions: ServerOptions;
  let fixture: EveryKindOfObject;
  let before: CommunityAnswers;
  const opened: Database[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    receiver = await startTestReceiver();
    serverOptions = moveTestServerOptions(smtp);
    await administer(`create database ${quoteIdentifier(names.original)}`);
    const app = (await createServer({
      ...serverOptions,
      databaseUrl: databaseUrl(names.original),
    })) as unknown as TestServer;
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      fixture = await fillWithEveryKindOfObject(app, { smtp, receiver });
      before = await answersOf(app, base, fixture);
    } finally {
      await app.close();
    }
  }, 180_000);

  afterAll(async () => {
    for (const database of opened) await database.close();
    for (const name of Object.values(names)) {
      await administer(`drop database if exists ${quoteIdentifier(name)} with (force)`);
    }
    await smtp?.close();
    await receiver?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the restored database holds the same, and the API on it answers the same and goes on', async () => {
    run('pg_dump', ['--format=custom', `--file=${dumpFile}`, databaseUrl(names.original)]);
    await administer(`create database ${quoteIdentifier(names.restored)}`);
    run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${databaseUrl(names.restored)}`, dumpFile]);

    const original = await createDatabase({ url: databaseUrl(names.original) });
    const restored = await createDatabase({ url: databaseUrl(names.restored) });
    opened.push(original, restored);
    const comparison = await compareDatabases(original.db, restored.db);
    expect(comparison.differences).toEqual([]);
    expect(comparison.checks.filter((check) => !check.matches)).toEqual([]);
    expect(comparison.checks.length).toBeGreaterThan(38);

    // Restored on another machine, whose cluster has run fewer transactions than the first: the
    // API re-bases the outbox when it starts (without it, the stream would wait for transactions
    // this cluster has not run and the resumed client below would get nothing).
    await moveOutboxAhead(restored.db);
    const app = (await createServer({ ...serverOptions, database: restored })) as unknown as TestServer;
    try {
      await expectSameCommunity(app, await app.listen({ port: 0, host: '127.0.0.1' }), fixture, before);
    } finally {
      await app.close();
    }
  });
});
