import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DatabaseActivity, observeDialect } from './activity';
import { type ListenOptions, listenPostgres, type NotificationListener } from './listen';
import { announceOutboxCommits, OUTBOX_CHANNEL, OutboxAnnouncer } from './outbox-commits';
import { PgliteDialect } from './pglite-dialect';
import { preparingPool } from './prepared-statements';
import type { DatabaseSchema } from './schema';

export interface DatabaseOptions {
  /** `postgres://…` of a real PostgreSQL. Absent: embedded PGlite. */
  url?: string | undefined;
  /** Folder of the embedded database (`WSC_DATA_DIR`, default `.data`); PGlite lives in `<folder>/pglite`. */
  dataDirectory?: string | undefined;
  /** PGlite kept in memory only (throw-away databases). */
  inMemory?: boolean | undefined;
  /** PostgreSQL schema to work in (created when missing); tests use one fresh schema per file. */
  schema?: string | undefined;
  /** Connections in the PostgreSQL pool (default 10). */
  poolSize?: number | undefined;
}

export interface Database {
  db: Kysely<DatabaseSchema>;
  kind: 'pglite' | 'postgres';
  /** True when the database answers a trivial query within `timeoutMilliseconds`. */
  ping(timeoutMilliseconds?: number): Promise<boolean>;
  /** Finishes pending queries, then closes the pool or the embedded database (idempotent). */
  close(): Promise<void>;
  /**
   * Runs `onNotify(payload)` for every NOTIFY on `channel` once its transaction commits: on
   * PostgreSQL over one dedicated connection (reconnected, then `onReconnect`), on PGlite in
   * the embedded session. Resolves to a function that stops listening.
   */
  listen(
    channel: string,
    onNotify: NotificationListener,
    options?: ListenOptions,
  ): Promise<() => Promise<void>>;
  /**
   * Runs `listener` in this process right after each commit that wrote outbox events (never on
   * rollback). Other instances hear of it through a NOTIFY on `wsc_outbox`, sent after the
   * commit. Returns the function that removes the listener.
   */
  onOutboxCommit(listener: () => void): () => void;
  /**
   * The payload of this process's outbox NOTIFYs. A listener on `wsc_outbox` skips these: this
   * process heard of those commits already, through `onOutboxCommit`.
   */
  readonly outboxOrigin: string;
  /** Connections held and awaited, and every statement run: what metrics and traces read. */
  readonly activity: DatabaseActivity;
}

/** PGlite extensions loaded at start; `create extension` in a migration then works on both databases. */
export const PGLITE_EXTENSIONS = { pg_trgm };

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Opens the platform database: PostgreSQL when `url` is given, otherwise PGlite on disk.
 *
 * Both return `bigint`/`count(*)` values as JavaScript numbers, timestamps as Date.
 *
 * @example
 * const { db, close } = await createDatabase({ dataDirectory: '.data' });
 * await db.selectFrom('accounts').selectAll().execute();
 * await close();
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return createPostgresDatabase(options.url, options);
  return createPgliteDatabase(options);
}

async function createPostgresDatabase(url: string, options: DatabaseOptions): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8_OID) return (value: string) => Number(value);
      if (oid === NUMERIC_OID) return (value: string) => Number(value);
      // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept a union format.
      return pg.types.getTypeParser(oid, format as any);
    },
  };
  if (options.schema) {
    const bootstrap = new pg.Client({ connectionString: url });
    await bootstrap.connect();
    try {
      await bootstrap.query(`create schema if not exists ${quoteIdentifier(options.schema)}`);
    } finally {
      await bootstrap.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const outboxOrigin = randomUUID();
  const announcer = new OutboxAnnouncer(
    (): Promise<unknown> => sql`select pg_notify(${OUTBOX_CHANNEL}, ${outboxOrigin})`.execute(db),
  );
  const activity = new DatabaseActivity(pool.options.max ?? 10);
  const db: Kysely<DatabaseSchema> = new Kysely<DatabaseSchema>({
    dialect: observeDialect(
      announceOutboxCommits(new PostgresDialect({ pool: preparingPool(pool) }), announcer.committed),
      activity,
    ),
  });
  let closed: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    ping: (timeout) => ping(db, timeout),
    listen: (channel, onNotify, listenOptions) => listenPostgres(url, channel, onNotify, listenOptions),
    onOutboxCommit: (listener) => announcer.subscribe(listener),
    outboxOrigin,
    activity,
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}

async function createPgliteDatabase(options: DatabaseOptions): Promise<Database> {
  let dataDir: string | undefined;
  let lockFile: string | undefined;
  if (!options.inMemory) {
    dataDir = embeddedDatabaseFolder(options.dataDirectory);
    mkdirSync(path.dirname(dataDir), { recursive: true });
    lockFile = claimDataDirectory(path.dirname(dataDir));
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      extensions: PGLITE_EXTENSIONS,
      parsers: { [INT8_OID]: Number, [NUMERIC_OID]: Number },
    });
  } catch (error) {
    if (lockFile) rmSync(lockFile, { force: true });
    throw error;
  }
  // One process owns the embedded database: its own listeners are everyone to tell.
  const announcer = new OutboxAnnouncer();
  // One session: a transaction holds it from BEGIN to COMMIT, everyone else waits.
  const activity = new DatabaseActivity(1);
  const db = new Kysely<DatabaseSchema>({
    dialect: observeDialect(announceOutboxCommits(new PgliteDialect(pglite), announcer.committed), activity),
  });
  let closed: Promise<void> | undefined;
  return {
    db,
    kind: 'pglite',
    ping: (timeout) => ping(db, timeout),
    onOutboxCommit: (listener) => announcer.subscribe(listener),
    // Nothing NOTIFYs on PGlite (one process owns it); kept so listeners need no special case.
    outboxOrigin: randomUUID(),
    activity,
    async listen(channel, onNotify) {
      // LISTEN goes through the session lock: run inside someone's open transaction, it would roll back with it.
      const stop = await db.connection().execute(() => pglite.listen(channel, onNotify));
      return async () => {
        if (!pglite.closed) await db.connection().execute(() => stop());
      };
    },
    close() {
      closed ??= db.destroy().finally(() => {
        if (lockFile) rmSync(lockFile, { force: true });
      });
      return closed;
    },
  };
}

async function ping(db: Kysely<DatabaseSchema>, timeoutMilliseconds = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMilliseconds);
  });
  const query = sql`select 1 as ok`
    .execute(db)
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where PGlite keeps its files inside the data folder (`WSC_DATA_DIR`, default `.data`).
 *
 * @example
 * embeddedDatabaseFolder('.data'); // '/…/.data/pglite'
 */
export function embeddedDatabaseFolder(dataDirectory = '.data'): string {
  return path.resolve(dataDirectory, 'pglite');
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt
 * it. A pid file guards the folder; a pid that no longer runs (a killed server) is taken over.
 */
function claimDataDirectory(directory: string): string {
  const holder = dataDirectoryHolder(directory);
  if (holder) {
    throw new Error(
      `@wsc/server: the embedded database in ${directory} is in use by process ${holder}. Stop it first, or use DATABASE_URL (PostgreSQL) to run several processes.`,
    );
  }
  const lockFile = path.join(directory, 'pglite.pid');
  writeFileSync(lockFile, String(process.pid));
  return lockFile;
}

/**
 * The running process, other than this one, that has the embedded database in `directory`
 * (`WSC_DATA_DIR`) open; undefined when none has.
 *
 * @example
 * dataDirectoryHolder('.data'); // 4242 while `npm start` runs
 */
export function dataDirectoryHolder(directory: string): number | undefined {
  let holder: number;
  try {
    holder = Number(readFileSync(path.join(path.resolve(directory), 'pglite.pid'), 'utf8').trim());
  } catch {
    return undefined;
  }
  return holder && holder !== process.pid && isRunning(holder) ? holder : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Double-quotes a SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
