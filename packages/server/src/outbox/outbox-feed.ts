import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../database/create-database';
import { OUTBOX_CHANNEL } from '../database/outbox-commits';
import {
  latestOutboxPosition,
  OUTBOX_START,
  type OutboxPosition,
  type OutboxRow,
  readOutboxAfter,
} from './outbox-reader';

/** Receives each batch of newly committed outbox events, in outbox order, synchronously. */
export type OutboxConsumer = (rows: readonly OutboxRow[]) => void;

const BATCH = 500;
const RETRY_AFTER_ERROR_MILLISECONDS = 1000;
/** How soon to look again when committed events wait behind a transaction still running. */
const SETTLE_MILLISECONDS = 10;

/**
 * One per server instance: reads the new events after every outbox commit of this process
 * (`Database.onOutboxCommit`) and every NOTIFY on `wsc_outbox` from the others (LISTEN over one
 * connection), ONCE per burst (announcements arriving during a read are coalesced into the next
 * read), and hands them to every consumer (the live hub, the webhook worker, the first-page
 * cache). It hands out only settled events (see {@link readOutboxAfter}); while committed
 * events wait behind a transaction still running, it looks again every 10 ms. Announcements carry
 * no events, only their sender (a NOTIFY this process sent itself is skipped): the table is the
 * source of truth, so a lost one is caught up by the next (or the reconnect).
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
  #last: OutboxPosition = OUTBOX_START;
  #reading: Promise<void> | null = null;
  #readAgain = false;
  #pending = false;
  #stopListening: (() => Promise<void>) | null = null;
  #stopped = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #settleTimer: NodeJS.Timeout | undefined;
  #stopAnnouncements: (() => void) | null = null;

  constructor(database: Database, log: FastifyBaseLogger) {
    this.#database = database;
    this.#log = log;
  }

  /** The position of the last event handed to consumers: events after it are still to come. */
  get lastPosition(): OutboxPosition {
    return this.#last;
  }

  async start(): Promise<void> {
    this.#last = await latestOutboxPosition(this.#database.db);
    this.#stopAnnouncements = this.#database.onOutboxCommit(() => void this.poke());
    // Other instances' announcements; this process's own come back too and are skipped.
    const origin = this.#database.outboxOrigin;
    this.#stopListening = await this.#database.listen(
      OUTBOX_CHANNEL,
      (payload) => {
        if (payload !== origin) void this.poke();
      },
      { onReconnect: () => void this.poke() },
    );
    // Events committed between reading the start position and LISTEN taking effect.
    void this.poke();
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

  /**
   * Resolves once every event committed before the call was handed out, reading again every
   * 10 ms while they wait behind an older transaction still running (in any schema of the
   * database: PostgreSQL's oldest running transaction is one for all).
   *
   * @example
   * await postPainPoint(app, member.headers);
   * await app.outbox.caughtUp(); // the first-page cache has heard of it
   */
  async caughtUp(): Promise<void> {
    await this.poke();
    while (this.#pending && !this.#stopped) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MILLISECONDS));
      await this.poke();
    }
  }

  /** Starts again from the latest event (after a test truncated the table and restarted its ids). */
  async resync(): Promise<void> {
    await this.#reading;
    this.#last = await latestOutboxPosition(this.#database.db);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopAnnouncements?.();
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#settleTimer);
    await this.#stopListening?.().catch(() => {});
    await this.#reading?.catch(() => {});
  }

  #settleLater(): void {
    if (this.#stopped) return;
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => void this.poke(), SETTLE_MILLISECONDS);
    this.#settleTimer.unref();
  }

  async #drain(): Promise<void> {
    try {
      let more = true;
      while (more && !this.#stopped) {
        this.#readAgain = false;
        const { rows, pending } = await readOutboxAfter(this.#database.db, this.#last, { limit: BATCH });
        const last = rows.at(-1);
        if (last) {
          for (const consumer of this.#consumers) {
            try {
              consumer(rows);
            } catch (error) {
              this.#log.error({ err: error }, 'outbox consumer failed');
            }
          }
          this.#last = last.position;
        }
        this.#pending = pending;
        more = rows.length === BATCH || this.#readAgain;
        if (!more && pending) this.#settleLater();
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
