import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../database/create-database';
import { latestOutboxId, type OutboxRow, readOutboxAfter } from './outbox-reader';
import { OUTBOX_CHANNEL } from './record-event';

/** Receives each batch of newly committed outbox events, in id order, synchronously. */
export type OutboxConsumer = (rows: readonly OutboxRow[]) => void;

const BATCH = 500;
const RETRY_AFTER_ERROR_MILLISECONDS = 1000;

/**
 * One per server instance: LISTENs on `wsc_outbox` over one connection, and for each
 * notification reads the new events ONCE (notifications arriving during a read are coalesced
 * into the next read) and hands them to every consumer (the live hub, the webhook worker).
 * Notifications carry ids only; the table is the source of truth, so a lost notification is
 * caught up by the next one (or the reconnect).
 *
 * @example
 * const feed = new OutboxFeed(database, app.log);
 * feed.subscribe((rows) => hub.publish(rows));
 * await feed.start();
 */
export class OutboxFeed {
  readonly #database: Database;
  readonly #log: FastifyBaseLogger;
  readonly #consumers = new Set<OutboxConsumer>();
  #lastId = 0;
  #reading: Promise<void> | null = null;
  #readAgain = false;
  #stopListening: (() => Promise<void>) | null = null;
  #stopped = false;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(database: Database, log: FastifyBaseLogger) {
    this.#database = database;
    this.#log = log;
  }

  /** The last event handed to consumers: events above it are still to come. */
  get lastId(): number {
    return this.#lastId;
  }

  async start(): Promise<void> {
    this.#lastId = await latestOutboxId(this.#database.db);
    this.#stopListening = await this.#database.listen(
      OUTBOX_CHANNEL,
      (payload) => {
        const id = Number(payload);
        // Already read in an earlier batch: nothing new.
        if (Number.isSafeInteger(id) && id <= this.#lastId) return;
        this.poke();
      },
      { onReconnect: () => this.poke() },
    );
    // Events committed between reading the start id and LISTEN taking effect.
    this.poke();
  }

  /** Registers a consumer; returns the function that removes it. */
  subscribe(consumer: OutboxConsumer): () => void {
    this.#consumers.add(consumer);
    return () => this.#consumers.delete(consumer);
  }

  /** Reads new events now (coalesced with a read in progress). Resolves when they were handed out. */
  poke(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#reading) {
      this.#readAgain = true;
      return this.#reading;
    }
    this.#reading = this.#drain().finally(() => {
      this.#reading = null;
    });
    return this.#reading;
  }

  /** Starts again from the latest id (after a test truncated the table and restarted its ids). */
  async resync(): Promise<void> {
    await this.#reading;
    this.#lastId = await latestOutboxId(this.#database.db);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    await this.#stopListening?.().catch(() => {});
    await this.#reading?.catch(() => {});
  }

  async #drain(): Promise<void> {
    try {
      let more = true;
      while (more && !this.#stopped) {
        this.#readAgain = false;
        const rows = await readOutboxAfter(this.#database.db, this.#lastId, { limit: BATCH });
        const last = rows.at(-1);
        if (last) {
          for (const consumer of this.#consumers) {
            try {
              consumer(rows);
            } catch (error) {
              this.#log.error({ err: error }, 'outbox consumer failed');
            }
          }
          this.#lastId = last.id;
        }
        more = rows.length === BATCH || this.#readAgain;
      }
    } catch (error) {
      if (this.#stopped) return;
      this.#log.warn({ err: error }, 'reading the outbox failed; retrying');
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => void this.poke(), RETRY_AFTER_ERROR_MILLISECONDS);
      this.#retryTimer.unref();
    }
  }
}
