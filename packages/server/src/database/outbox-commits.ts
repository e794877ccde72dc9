import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryResult,
  TransactionSettings,
} from 'kysely';

/** The channel every committed outbox write is announced on (the payload is empty). */
export const OUTBOX_CHANNEL = 'wsc_outbox';

type CompileQuery = Parameters<NonNullable<Driver['savepoint']>>[2];

/**
 * A statement that writes outbox events or queues mail (`mail_outbox`), however it was built
 * (raw SQL or the query builder): either wakes this process's consumers after the commit.
 */
const OUTBOX_INSERT = /insert\s+into\s+"?(?:outbox_events|mail_outbox)"?/i;

/**
 * Wraps a Kysely dialect so that `onCommit()` runs once each time outbox events become visible
 * to other sessions: after the COMMIT of a transaction that inserted into `outbox_events` (or
 * queued mail into `mail_outbox`), or
 * right after such a statement run on its own (autocommit). Never after a rollback. This is
 * how the outbox is announced AFTER commit: a NOTIFY inside the transaction would take
 * PostgreSQL's database-wide notification lock at pre-commit and make writers commit one at
 * a time.
 *
 * @example
 * const db = new Kysely<DatabaseSchema>({ dialect: announceOutboxCommits(new PostgresDialect({ pool }), poke) });
 */
export function announceOutboxCommits(dialect: Dialect, onCommit: () => void): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => new AnnouncingDriver(dialect.createDriver(), onCommit),
  };
}

/** One connection as handed to Kysely: notes an outbox write until its transaction ends. */
class AnnouncingConnection implements DatabaseConnection {
  inTransaction = false;
  wroteOutbox = false;

  constructor(
    readonly inner: DatabaseConnection,
    readonly onCommit: () => void,
  ) {}

  async executeQuery<Row>(compiledQuery: CompiledQuery): Promise<QueryResult<Row>> {
    const result = await this.inner.executeQuery<Row>(compiledQuery);
    if (OUTBOX_INSERT.test(compiledQuery.sql)) {
      if (this.inTransaction) this.wroteOutbox = true;
      else this.onCommit();
    }
    return result;
  }

  streamQuery<Row>(
    compiledQuery: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<Row>> {
    return this.inner.streamQuery<Row>(compiledQuery, chunkSize);
  }
}

class AnnouncingDriver implements Driver {
  readonly #inner: Driver;
  readonly #onCommit: () => void;

  constructor(inner: Driver, onCommit: () => void) {
    this.#inner = inner;
    this.#onCommit = onCommit;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new AnnouncingConnection(await this.#inner.acquireConnection(), this.#onCommit);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const wrapper = connection as AnnouncingConnection;
    await this.#inner.beginTransaction(wrapper.inner, settings);
    wrapper.inTransaction = true;
    wrapper.wroteOutbox = false;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const wrapper = connection as AnnouncingConnection;
    await this.#inner.commitTransaction(wrapper.inner);
    const wrote = wrapper.wroteOutbox;
    wrapper.inTransaction = false;
    wrapper.wroteOutbox = false;
    if (wrote) wrapper.onCommit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const wrapper = connection as AnnouncingConnection;
    wrapper.inTransaction = false;
    wrapper.wroteOutbox = false;
    await this.#inner.rollbackTransaction(wrapper.inner);
  }

  // A write rolled back to a savepoint may still be announced: a spurious announcement costs
  // one empty read, a missing one a stuck event.
  savepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    return this.#savepointStep('savepoint', connection, name, compileQuery);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: CompileQuery,
  ): Promise<void> {
    return this.#savepointStep('rollbackToSavepoint', connection, name, compileQuery);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    return this.#savepointStep('releaseSavepoint', connection, name, compileQuery);
  }

  async #savepointStep(
    step: 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint',
    connection: DatabaseConnection,
    name: string,
    compileQuery: CompileQuery,
  ): Promise<void> {
    const method = this.#inner[step];
    if (!method) throw new Error(`The \`${step}\` method is not supported by this driver`);
    await method.call(this.#inner, (connection as AnnouncingConnection).inner, name, compileQuery);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection((connection as AnnouncingConnection).inner);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/**
 * Spreads "outbox events committed" to this process's listeners at once, and (PostgreSQL) to
 * every other instance with one NOTIFY on {@link OUTBOX_CHANNEL}. NOTIFYs are coalesced: one
 * in flight at a time, and every commit during it is covered by one more after it, so a burst
 * of writes costs a few notifications, not one each.
 */
export class OutboxAnnouncer {
  readonly #listeners = new Set<() => void>();
  readonly #notify: (() => Promise<unknown>) | undefined;
  #sending = false;
  #again = false;

  /** `notify`: sends the NOTIFY (absent on PGlite, where the process is the only one). */
  constructor(notify?: () => Promise<unknown>) {
    this.#notify = notify;
  }

  /** Runs `listener` after every commit that wrote outbox events in this process. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called by the driver after such a commit. */
  committed = (): void => {
    for (const listener of this.#listeners) {
      // The write is committed whatever a listener does: its error must not fail the request.
      try {
        listener();
      } catch {}
    }
    if (!this.#notify) return;
    if (this.#sending) {
      this.#again = true;
      return;
    }
    this.#sending = true;
    void this.#send(this.#notify);
  };

  async #send(notify: () => Promise<unknown>): Promise<void> {
    try {
      do {
        this.#again = false;
        // A failed NOTIFY (database gone) is caught up by the next one or by LISTEN's reconnect.
        await notify().catch(() => {});
      } while (this.#again);
    } finally {
      this.#sending = false;
    }
  }
}
