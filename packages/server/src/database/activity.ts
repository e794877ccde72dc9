import { performance } from 'node:perf_hooks';
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryResult,
  TransactionSettings,
} from 'kysely';

/** One SQL statement as it ran: its text (values are parameters, never in it), when, how long, and whether it failed. */
export interface StatementRun {
  /** The statement text with `$1`… placeholders (BEGIN/COMMIT/ROLLBACK too). */
  sql: string;
  /** When it started, in milliseconds since the epoch (with fractions). */
  startedAt: number;
  /** How long the database took, in seconds. */
  seconds: number;
  /** What the database raised, if it failed. */
  error: unknown;
}

/** Told of every statement after it ran, in the async context of the code that ran it. */
export type StatementListener = (run: StatementRun) => void;

/**
 * What a database is doing, for metrics and traces: connections held and awaited (PostgreSQL's
 * pool, or PGlite's single session, which a transaction holds from BEGIN to COMMIT), and every
 * statement run through Kysely. Counting costs two clock reads per statement; listeners are
 * added by the observability plugin.
 *
 * @example
 * const stop = database.activity.onStatement((run) => histogram.observe(run.seconds));
 */
export class DatabaseActivity {
  /** Connections that can be held at once: the pool's size, 1 for PGlite. */
  readonly size: number;
  /** Connections held now (a query or a transaction runs on each). */
  inUse = 0;
  /** Callers waiting for a connection now. */
  waiting = 0;
  readonly #listeners = new Set<StatementListener>();

  constructor(size: number) {
    this.size = size;
  }

  /** Runs `listener` after every statement; returns the function that removes it. */
  onStatement(listener: StatementListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** @internal Called by the observing driver. */
  ran(run: StatementRun): void {
    for (const listener of this.#listeners) {
      // A listener's fault must not fail the query it observes.
      try {
        listener(run);
      } catch {}
    }
  }

  /** @internal Whether anyone listens (a statement is timed only then). */
  get observed(): boolean {
    return this.#listeners.size > 0;
  }
}

type CompileQuery = Parameters<NonNullable<Driver['savepoint']>>[2];
type SavepointStep = 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint';

/** What each savepoint step sends (the savepoint's name aside). */
const SAVEPOINT_SQL: Record<SavepointStep, string> = {
  savepoint: 'savepoint',
  rollbackToSavepoint: 'rollback to savepoint',
  releaseSavepoint: 'release savepoint',
};

/**
 * Wraps a Kysely dialect so that `activity` counts the connections held and awaited and hears of
 * every statement (transaction control included).
 *
 * @example
 * const db = new Kysely<DatabaseSchema>({ dialect: observeDialect(new PostgresDialect({ pool }), activity) });
 */
export function observeDialect(dialect: Dialect, activity: DatabaseActivity): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => new ObservingDriver(dialect.createDriver(), activity),
  };
}

/** Runs `step` (one statement) and tells `activity` about it when anyone listens. */
async function timed<Result>(activity: DatabaseActivity, sql: string, step: () => Promise<Result>) {
  if (!activity.observed) return step();
  const startedAt = performance.timeOrigin + performance.now();
  const start = performance.now();
  try {
    const result = await step();
    activity.ran({ sql, startedAt, seconds: (performance.now() - start) / 1000, error: undefined });
    return result;
  } catch (error) {
    activity.ran({ sql, startedAt, seconds: (performance.now() - start) / 1000, error });
    throw error;
  }
}

class ObservingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    readonly activity: DatabaseActivity,
  ) {}

  executeQuery<Row>(compiledQuery: CompiledQuery): Promise<QueryResult<Row>> {
    return timed(this.activity, compiledQuery.sql, () => this.inner.executeQuery<Row>(compiledQuery));
  }

  streamQuery<Row>(
    compiledQuery: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<Row>> {
    return this.inner.streamQuery<Row>(compiledQuery, chunkSize);
  }
}

class ObservingDriver implements Driver {
  readonly #inner: Driver;
  readonly #activity: DatabaseActivity;
  readonly #connections = new WeakMap<DatabaseConnection, ObservingConnection>();

  constructor(inner: Driver, activity: DatabaseActivity) {
    this.#inner = inner;
    this.#activity = activity;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const activity = this.#activity;
    activity.waiting += 1;
    let inner: DatabaseConnection;
    try {
      inner = await this.#inner.acquireConnection();
    } finally {
      activity.waiting -= 1;
    }
    activity.inUse += 1;
    // Kysely keeps per-connection state keyed by the object: hand out one wrapper per connection.
    let wrapper = this.#connections.get(inner);
    if (!wrapper) {
      wrapper = new ObservingConnection(inner, activity);
      this.#connections.set(inner, wrapper);
    }
    return wrapper;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const inner = (connection as ObservingConnection).inner;
    return timed(this.#activity, 'begin', () => this.#inner.beginTransaction(inner, settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    const inner = (connection as ObservingConnection).inner;
    return timed(this.#activity, 'commit', () => this.#inner.commitTransaction(inner));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const inner = (connection as ObservingConnection).inner;
    return timed(this.#activity, 'rollback', () => this.#inner.rollbackTransaction(inner));
  }

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
    step: SavepointStep,
    connection: DatabaseConnection,
    name: string,
    compileQuery: CompileQuery,
  ): Promise<void> {
    const method = this.#inner[step];
    if (!method) throw new Error(`The \`${step}\` method is not supported by this driver`);
    // The inner driver runs the statement on the inner connection, past our wrapper: time it here.
    const inner = (connection as ObservingConnection).inner;
    await timed(this.#activity, SAVEPOINT_SQL[step], () =>
      method.call(this.#inner, inner, name, compileQuery),
    );
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#activity.inUse -= 1;
    await this.#inner.releaseConnection((connection as ObservingConnection).inner);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}
