import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapAdmin, createDatabase, migrate, seed } from '@wsc/server/admin';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) console.warn('SKIPPED: the CLI db commands (set TEST_DATABASE_URL to run them)');

function cli(environment: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', ...environment },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function administer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresUrl)('apps/api CLI: db copy, verify and backup', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'wsc-cli-db-'));
  const embedded = { WSC_DATA_DIR: folder };
  const schema = `cli_db_${randomBytes(5).toString('hex')}`;
  const target = (() => {
    const url = new URL(postgresUrl ?? 'postgres://localhost/none');
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  })();

  beforeAll(async () => {
    const database = await createDatabase({ dataDirectory: folder });
    await migrate(database.db);
    await seed(database.db);
    await bootstrapAdmin(database.db, { email: 'ops@example.org', password: 'operations password' });
    await database.close();
    await administer(`create schema ${schema}`);
  });
  afterAll(async () => {
    await administer(`drop schema if exists ${schema} cascade`);
    rmSync(folder, { recursive: true, force: true });
  });

  test('db copy prints a line for every table, sequence and the outbox order, all ok', () => {
    const copied = cli(embedded, 'db', 'copy', '--to', target);
    expect(copied.status, copied.stderr).toBe(0);
    const lines = copied.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^kind +name +source rows +target rows +source checksum +target checksum +result$/,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^table +accounts +1 +1 +([0-9a-f]{12}) +\1 +ok$/));
    expect(lines.some((line) => /^sequence +outbox_events_id_seq /.test(line))).toBe(true);
    expect(lines.some((line) => /^outbox order +outbox_events /.test(line))).toBe(true);
    const checks = lines.slice(1, lines.indexOf(''));
    expect(checks.length).toBeGreaterThan(38);
    expect(checks.every((line) => line.endsWith(' ok'))).toBe(true);
    expect(lines.at(-1)).toBe(`all ${checks.length} match: the target holds what the source holds.`);
    expect(copied.stderr).toContain('standards [');
  });

  test('a target that holds rows is refused, naming them; --replace copies again', () => {
    const refused = cli(embedded, 'db', 'copy', '--to', target);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^the target database is not empty \(.*accounts.* hold rows\): .*--replace/,
    );
    const replaced = cli(embedded, 'db', 'copy', '--to', target, '--replace');
    expect(replaced.status, replaced.stderr).toBe(0);
  });

  test('db verify exits 1 and names the table that differs', async () => {
    expect(cli(embedded, 'db', 'verify', '--to', target).status).toBe(0);
    const moved = await createDatabase({ url: target });
    await moved.db.updateTable('accounts').set({ language: 'fr' }).execute();
    await moved.close();
    const verified = cli(embedded, 'db', 'verify', '--to', target);
    expect(verified.status).toBe(1);
    expect(verified.stdout).toMatch(/^table +accounts +1 +1 +[0-9a-f]{12} +[0-9a-f]{12} +MISMATCH$/m);
    expect(verified.stdout.trim().split('\n').at(-1)).toBe('1 differ: accounts.');
  });

  test('usage errors exit 2; a backup of PostgreSQL points to pg_dump; the embedded one is backed up', () => {
    const missing = cli(embedded, 'db', 'copy');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^error: --to is required/);
    expect(cli(embedded, 'db', 'copy', '--to', 'mysql://localhost/wsc').stderr).toMatch(
      /^error: --to must be a postgres:\/\/ URL/,
    );
    const nowhere = cli({ WSC_DATA_DIR: path.join(folder, 'typo') }, 'db', 'copy', '--to', target);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/^there is no embedded database in .*typo/);
    const onPostgres = cli({ DATABASE_URL: target }, 'db', 'backup', '--to', path.join(folder, 'never'));
    expect(onPostgres.status).toBe(1);
    expect(onPostgres.stderr).toMatch(/back it up with pg_dump/);

    const backup = cli(embedded, 'db', 'backup', '--to', path.join(folder, 'backup'));
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^kind +name +source rows +backup in .+ rows/);
    expect(backup.stdout).toMatch(/all \d+ match: the backup in .+ holds what the source holds\.\n$/);
  });
});
