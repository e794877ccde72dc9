import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createDatabase, dataDirectoryHolder, embeddedDatabaseFolder } from '../database/create-database';
import { compareDatabases, type DatabaseComparison } from './checksums';

/** Where {@link backupEmbeddedDatabase} reads and writes. */
export interface EmbeddedBackupOptions {
  /** The data folder of the embedded database (`WSC_DATA_DIR`, default `.data`). */
  dataDirectory?: string | undefined;
  /** A new or empty folder: it becomes a data folder `WSC_DATA_DIR` can name. */
  destination: string;
}

/** A backup {@link backupEmbeddedDatabase} made and checked. */
export interface EmbeddedBackup {
  /** The backup's data folder, absolute. */
  destination: string;
  /** The backup opened and compared with the database, table by table. */
  verification: DatabaseComparison;
}

/**
 * Backs up the embedded (PGlite) database into a new data folder, then opens the backup and
 * compares it with the database (row counts and checksums, as `db copy` does).
 *
 * PGlite is one process's database and its files are consistent only while no process writes
 * them: a folder the running API holds is refused, naming the process, before anything is
 * written. Otherwise the folder is held for the whole backup, checkpointed and copied. To
 * restore, stop the API and point `WSC_DATA_DIR` at the backup (or put it in place of the folder).
 * A PostgreSQL database is backed up with `pg_dump` while it serves.
 *
 * @example
 * const { verification } = await backupEmbeddedDatabase({ dataDirectory: '.data', destination: 'backups/2026-05-01' });
 */
export async function backupEmbeddedDatabase(options: EmbeddedBackupOptions): Promise<EmbeddedBackup> {
  const dataDirectory = path.resolve(options.dataDirectory ?? '.data');
  const destination = path.resolve(options.destination);
  const holder = dataDirectoryHolder(dataDirectory);
  if (holder) {
    throw new Error(
      `the embedded database in ${dataDirectory} is in use by process ${holder} (the running API): PGlite is one process's database and its files cannot be copied while it writes them. Stop the API, run db backup again, then start it; or move to PostgreSQL (db copy), which pg_dump backs up while it serves`,
    );
  }
  if (!existsSync(path.join(embeddedDatabaseFolder(dataDirectory), 'PG_VERSION'))) {
    throw new Error(`there is no embedded database in ${dataDirectory}`);
  }
  if (existsSync(destination) && readdirSync(destination).length > 0) {
    throw new Error(`${destination} is not empty: back up into a new folder`);
  }
  const database = await createDatabase({ dataDirectory });
  try {
    // Everything committed goes to the data files; nothing else writes while this process holds the folder.
    await sql`checkpoint`.execute(database.db);
    cpSync(embeddedDatabaseFolder(dataDirectory), embeddedDatabaseFolder(destination), { recursive: true });
    const backup = await createDatabase({ dataDirectory: destination });
    try {
      return { destination, verification: await compareDatabases(database.db, backup.db) };
    } finally {
      await backup.close();
    }
  } finally {
    await database.close();
  }
}
