import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { ClaimLoop } from '../outbox/claim-loop';
import { eventBody } from '../outbox/event-body';
import { nextAttemptAt } from '../outbox/retry-schedule';
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDueDeliveries,
  nextClaimableAt,
  recordAttempt,
} from './delivery-repository';
import { sendWebhook } from './sender';
import { webhookHeaders } from './signature';

export interface WebhookWorkerOptions {
  log: FastifyBaseLogger;
  clock?: (() => Date) | undefined;
  timeoutMilliseconds?: number | undefined;
  allowPrivate?: boolean | undefined;
  /** Deliveries claimed (and sent concurrently) per round (default 16). */
  batchSize?: number | undefined;
  /** Longest sleep between looks at the table (default 30 s); notifications wake it sooner. */
  pollMilliseconds?: number | undefined;
  /**
   * Shortest time between two looks that new outbox events cause (default 100 ms): under a
   * stream of writes, events share one look instead of each costing the database two queries.
   */
  eventGapMilliseconds?: number | undefined;
}

/**
 * How an attempt ended: answered 2xx, answered 410 (the endpoint is disabled), failed (to be
 * retried or given up), or withheld (the partner may no longer read the event: nothing sent).
 */
export type AttemptResult = 'succeeded' | 'gone' | 'failed' | 'withheld';

/**
 * Sends webhook deliveries: claims due rows (`FOR UPDATE SKIP LOCKED`, with a lease), signs
 * and POSTs them, records each attempt and schedules retries. Any number of instances may run
 * one; the table, not memory, is the queue. Woken by new outbox events (at most once per
 * `eventGapMilliseconds`), and by a timer for retries that come due.
 *
 * @example
 * const worker = new WebhookWorker(app.db, { log: app.log });
 * worker.start();
 * await worker.stop();
 */
export class WebhookWorker {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #clock: () => Date;
  readonly #timeout: number;
  readonly #allowPrivate: boolean;
  readonly #batchSize: number;
  readonly #log: FastifyBaseLogger;
  readonly #loop: ClaimLoop;
  readonly #attemptListeners = new Set<(result: AttemptResult) => void>();
  #looks = 0;

  constructor(db: Kysely<DatabaseSchema>, options: WebhookWorkerOptions) {
    this.#db = db;
    this.#log = options.log;
    this.#clock = options.clock ?? (() => new Date());
    this.#timeout = options.timeoutMilliseconds ?? 10_000;
    this.#allowPrivate = options.allowPrivate ?? false;
    this.#batchSize = options.batchSize ?? 16;
    this.#loop = new ClaimLoop({
      runOnce: () => this.runOnce(),
      nextClaimableAt: () => nextClaimableAt(this.#db),
      log: options.log,
      name: 'webhook worker',
      clock: this.#clock,
      pollMilliseconds: options.pollMilliseconds ?? 30_000,
      eventGapMilliseconds: options.eventGapMilliseconds ?? 100,
    });
  }

  /** A claim outlives the slowest attempt, so a live worker never loses its claim mid-send. */
  get leaseMilliseconds(): number {
    return this.#timeout * 2;
  }

  /** How many times this worker has looked for due deliveries (each look is one claim query). */
  get looks(): number {
    return this.#looks;
  }

  /** Runs `listener` after each attempt is recorded (metrics count failures); returns the function that removes it. */
  onAttempt(listener: (result: AttemptResult) => void): () => void {
    this.#attemptListeners.add(listener);
    return () => this.#attemptListeners.delete(listener);
  }

  /** Runs by itself from now on: at once, on every {@link wake}, and when a retry comes due. */
  start(): void {
    this.#loop.start();
  }

  /** Something may be due (a new event, a redelivery): look now. */
  wake(): void {
    this.#loop.wake();
  }

  /**
   * New outbox events were committed: look now, or when the event gap since the last look has
   * passed (one look then serves every event of the gap).
   */
  wakeForEvents(): void {
    this.#loop.wakeSoon();
  }

  /**
   * Claims and sends one batch; resolves to the number of deliveries attempted. Tests call it
   * directly (with the automatic loop off and a moved clock).
   */
  async runOnce(): Promise<number> {
    this.#looks += 1;
    this.#loop.markLook();
    const now = this.#clock();
    const batch = await claimDueDeliveries(this.#db, {
      now,
      leaseUntil: new Date(now.getTime() + this.leaseMilliseconds),
      token: randomUUID(),
      limit: this.#batchSize,
    });
    await Promise.all(batch.map((delivery) => this.#attempt(delivery)));
    return batch.length;
  }

  /** Attempts everything due now, batch after batch. */
  drain(): Promise<number> {
    return this.#loop.drain();
  }

  /** Stops taking work and waits for attempts in flight to be recorded. */
  async stop(): Promise<void> {
    await this.#loop.stop();
  }

  async #attempt(delivery: ClaimedDelivery): Promise<void> {
    const at = this.#clock();
    if (delivery.data === null) {
      // The partner may read nothing of the event any more: nothing is sent, and nothing retried.
      await this.#record(delivery, {
        at,
        status: null,
        error: 'Withheld: this partner may no longer read the event.',
        excerpt: null,
        durationMilliseconds: 0,
        succeeded: false,
        gone: false,
        nextAttemptAt: null,
      });
      return;
    }
    const body = eventBody(
      { id: delivery.eventId, type: delivery.eventType as never, createdAt: delivery.eventCreatedAt },
      delivery.data,
    );
    const secrets = [delivery.secret];
    if (
      delivery.previousSecret &&
      delivery.previousSecretExpiresAt &&
      delivery.previousSecretExpiresAt > at
    ) {
      secrets.push(delivery.previousSecret);
    }
    const headers = webhookHeaders(secrets, delivery.id, Math.floor(at.getTime() / 1000), body);
    const response = await sendWebhook({
      url: delivery.url,
      headers,
      body,
      timeoutMilliseconds: this.#timeout,
      allowPrivate: this.#allowPrivate,
    });
    const succeeded = response.status !== null && response.status >= 200 && response.status < 300;
    const gone = response.status === 410;
    const finishedAt = this.#clock();
    await this.#record(delivery, {
      at,
      status: response.status,
      error: response.error ?? (succeeded ? null : `HTTP ${response.status}`),
      excerpt: response.excerpt,
      durationMilliseconds: response.durationMilliseconds,
      succeeded,
      gone,
      nextAttemptAt:
        succeeded || gone ? null : nextAttemptAt(delivery.attempts + 1, finishedAt, delivery.maxAttempts),
    });
  }

  async #record(delivery: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> {
    try {
      await recordAttempt(this.#db, delivery, outcome);
    } catch (error) {
      // The lease expires and another round retries: at least once, never lost.
      this.#log.error({ err: error, deliveryId: delivery.id }, 'recording a webhook attempt failed');
    }
    if (this.#attemptListeners.size === 0) return;
    let result: AttemptResult = 'failed';
    if (delivery.data === null) result = 'withheld';
    else if (outcome.succeeded) result = 'succeeded';
    else if (outcome.gone) result = 'gone';
    for (const listener of this.#attemptListeners) {
      // Counting is not delivering: a listener's fault must not stop the worker.
      try {
        listener(result);
      } catch {}
    }
  }
}
