import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A database for a server started as a child process (`apps/api/dist/main.js`), by environment. */
export interface ProcessDatabase {
  kind: 'pglite' | 'postgres';
  /** The PGlite data folder (pglite only). */
  dataDirectory: string | null;
  /** Environment variables that point the child process at this database. */
  environment: () => Promise<Record<string, string>>;
  cleanup: () => Promise<void>;
}

/**
 * PGlite in a fresh folder always, plus a fresh schema of `TEST_DATABASE_URL` when it is set
 * (saying loudly when it is not), for tests that spawn the API and kill it.
 *
 * @example
 * describe.each(processDatabases('durability'))('on $kind', ({ environment, cleanup }) => { … });
 */
export function processDatabases(label: string): ProcessDatabase[] {
  const folder = mkdtempSync(path.join(tmpdir(), `wsc-${label}-`));
  const databases: ProcessDatabase[] = [
    {
      kind: 'pglite',
      dataDirectory: folder,
      environment: async () => ({ WSC_DATA_DIR: folder }),
      cleanup: async () => rmSync(folder, { recursive: true, force: true }),
    },
  ];
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (!postgresUrl) {
    console.warn(`SKIPPED: ${label} on PostgreSQL (set TEST_DATABASE_URL to run it)`);
    return databases;
  }
  const schema = `${label.replaceAll('-', '_')}_${randomBytes(5).toString('hex')}`;
  const onAdmin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  databases.push({
    kind: 'postgres',
    dataDirectory: null,
    environment: async () => {
      await onAdmin(`create schema if not exists ${schema}`);
      const url = new URL(postgresUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return { DATABASE_URL: url.toString() };
    },
    cleanup: () => onAdmin(`drop schema if exists ${schema} cascade`),
  });
  return databases;
}
