import type { FastifyBaseLogger } from 'fastify';

export interface ClaimLoopOptions {
  /** Claims and handles one batch of due rows; resolves to how many it claimed. */
  runOnce: () => Promise<number>;
  /** When the next row becomes claimable (due, or its lease expiring), or null when none waits. */
  nextClaimableAt: () => Promise<Date | null>;
  log: FastifyBaseLogger;
  /** Names the loop in warnings ('webhook worker', 'mail worker'). */
  name: string;
  clock: () => Date;
  /** Longest sleep between looks at the table; wake-ups come sooner. */
  pollMilliseconds: number;
  /** Shortest time between two looks that {@link ClaimLoop.wakeSoon} causes. */
  eventGapMilliseconds: number;
}

/**
 * The scheduling of a worker whose queue is a table (webhook deliveries, mail): runs batches
 * while they come back full, then sleeps until the next row comes due (at most the poll
 * interval), and wakes early when told something was queued. The table, not memory, is the
 * queue: a lost wake-up costs a delay, never a row. Rounds never overlap; a wake-up during a
 * round makes one more round.
 *
 * @example
 * const loop = new ClaimLoop({ runOnce, nextClaimableAt, log, name: 'mail worker', clock, pollMilliseconds: 30_000, eventGapMilliseconds: 100 });
 * loop.start();
 * await loop.stop();
 */
export class ClaimLoop {
  readonly #options: ClaimLoopOptions;
  /** When the last round began (`performance.now()`), for the event gap. */
  #lookedAt = Number.NEGATIVE_INFINITY;
  #eventTimer: NodeJS.Timeout | undefined;
  #running: Promise<void> | null = null;
  #again = false;
  #started = false;
  #stopped = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: ClaimLoopOptions) {
    this.#options = options;
  }

  /** Runs batches now, one after another, until one claims nothing; resolves to how many were claimed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.#options.runOnce();
      total += count;
      if (count === 0) return total;
    }
  }

  /** Notes the start of a look at the table (the event gap counts from it). */
  markLook(): void {
    this.#lookedAt = performance.now();
  }

  /** Runs by itself from now on: at once, on every wake-up, and when a row comes due. */
  start(): void {
    this.#started = true;
    this.wake();
  }

  /** Something may be due: look now (or right after the round in progress). */
  wake(): void {
    if (!this.#started || this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
  }

  /**
   * Rows were queued: look now, or when the event gap since the last look has passed (one look
   * then serves every wake-up of the gap).
   */
  wakeSoon(): void {
    if (!this.#started || this.#stopped || this.#eventTimer) return;
    const wait = this.#lookedAt + this.#options.eventGapMilliseconds - performance.now();
    if (wait <= 0) {
      this.wake();
      return;
    }
    this.#eventTimer = setTimeout(() => {
      this.#eventTimer = undefined;
      this.wake();
    }, wait);
    this.#eventTimer.unref();
  }

  /** Stops taking work and waits for the round in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#eventTimer);
    await this.#running?.catch(() => {});
  }

  async #loop(): Promise<void> {
    try {
      do {
        this.#again = false;
        while (!this.#stopped && (await this.#options.runOnce()) > 0) {
          // keep going while batches come back full of work
        }
      } while (this.#again && !this.#stopped);
      await this.#scheduleNext();
    } catch (error) {
      if (this.#stopped) return;
      this.#options.log.warn({ err: error }, `${this.#options.name} round failed; retrying`);
      this.#sleep(1000);
    }
  }

  async #scheduleNext(): Promise<void> {
    if (this.#stopped) return;
    const next = await this.#options.nextClaimableAt();
    const poll = this.#options.pollMilliseconds;
    const wait = next ? next.getTime() - this.#options.clock().getTime() : poll;
    this.#sleep(Math.max(50, Math.min(wait, poll)));
  }

  #sleep(milliseconds: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.wake(), milliseconds);
    this.#timer.unref();
  }
}
