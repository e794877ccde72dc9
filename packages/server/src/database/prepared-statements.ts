import { createHash } from 'node:crypto';
import type { CompiledQuery, Kysely, PostgresPool, PostgresPoolClient, QueryResult } from 'kysely';
import type pg from 'pg';
import type { DatabaseSchema } from './schema';

/** SQL text → the statement name each PostgreSQL connection prepares it under. */
const names = new Map<string, string>();

/**
 * Marks a SQL text the server runs on most requests (the token lookup, the vote, the list pages)
 * as a prepared statement: on PostgreSQL each connection parses it once and, after a few runs,
 * reuses its plan. Planning the token lookup alone cost about as much as running it (146–189 µs a
 * round trip unprepared, 65–80 µs prepared). Returns the text unchanged. Mark only texts with a
 * bounded number of variants (each is kept by every connection) and whose best plan does not
 * depend on the values (filtered lists are left out; a search decides in its own statement
 * whether to walk or to look up, whatever the words).
 *
 * @example
 * const USER_TOKEN_SQL = preparedStatement('select … where sessions.token_hash = $1');
 */
export function preparedStatement(text: string): string {
  if (!names.has(text)) names.set(text, `wsc_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`);
  return text;
}

/**
 * The pool Kysely's PostgreSQL dialect is given: the same connections, whose queries of a
 * {@link preparedStatement} text go out as named statements. Each client is wrapped once, so
 * Kysely's per-connection state follows it.
 *
 * @example
 * new PostgresDialect({ pool: preparingPool(new pg.Pool({ connectionString })) });
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrapped.get(client);
      if (!wrapper) {
        wrapper = {
          query: ((textOrCursor: unknown, parameters?: unknown[]): unknown => {
            // A cursor (a submittable query object) goes through as it is.
            if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
            const name = names.get(textOrCursor);
            const values = parameters ?? [];
            const config = name ? { name, text: textOrCursor, values } : { text: textOrCursor, values };
            // pg's callback form, promised here: with the promise pg returns itself, every query's
            // objects outlived two scavenges and went to the old generation (about 4 MB per
            // scavenge at 300 requests a second), so each scavenge took 10-20 ms instead of 1-3:
            // the tail latency of every route. Measured with --trace-gc-nvp, callback against
            // promise, on the same pool and query.
            return new Promise((resolve, reject) => {
              client.query(config, (error: Error | null, result: pg.QueryResult) =>
                error ? reject(error) : resolve(result),
              );
            });
          }) as unknown as PostgresPoolClient['query'],
          release: (destroy?: boolean) => client.release(destroy),
        };
        wrapped.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/**
 * Runs a compiled query as a {@link preparedStatement}: for a statement of fixed text built
 * with Kysely (the registration's, held under an event's lock, where parsing and planning it
 * again on every run would lengthen everyone's wait).
 *
 * @example
 * const result = await runPrepared(trx, selectEvents(trx).where('events.id', '=', id).compile());
 */
export function runPrepared<Row>(
  db: Kysely<DatabaseSchema>,
  query: CompiledQuery<Row>,
): Promise<QueryResult<Row>> {
  preparedStatement(query.sql);
  return db.executeQuery(query);
}
