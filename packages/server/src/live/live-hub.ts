import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { canRead, type Viewer } from '../outbox/audience';
import type { OutboxFeed } from '../outbox/outbox-feed';
import {
  isAfter,
  type OutboxPosition,
  type OutboxRow,
  positionAfterEvent,
  readOutboxAfter,
} from '../outbox/outbox-reader';
import { SSE_HEARTBEAT, sseFrame, sseGoodbye, sseStartingPoint } from './sse-frame';
import { lapsedCredentials, type StreamCredential } from './stream-credentials';

/** A stream whose client does not read is dropped past this backlog; it reconnects with Last-Event-ID. */
const MAX_BACKLOG_BYTES = 1024 * 1024;
const REPLAY_BATCH = 500;
/**
 * Streams ended by a shutdown are asked back after a random delay below this: thousands of clients
 * then reconnect spread over a second instead of all in the same instant (EventSource does not
 * add jitter of its own; the SDK adds its own on top).
 */
const RECONNECT_SPREAD_MILLISECONDS = 1000;

/** One open stream. Kept small: thousands stay open at once. */
interface Subscriber {
  readonly response: ServerResponse;
  readonly topics: ReadonlySet<string>;
  readonly viewer: Viewer;
  /** What allowed the stream more than public events, checked again while it is open. */
  readonly credential: StreamCredential | null;
  /** The position of the last event this stream was sent (or skipped as not its business). */
  cursor: OutboxPosition;
  /** While true, the hub leaves the stream to its replay. */
  replaying: boolean;
}

/** The frames of one event, built at most once each whatever the number of subscribers. */
class FramesOfEvent {
  #full: string | undefined;
  #public: string | null | undefined;
  constructor(readonly row: OutboxRow) {}

  for(viewer: Viewer): string | null {
    if (canRead(this.row.audience, viewer)) {
      this.#full ??= sseFrame(this.row, this.row.data);
      return this.#full;
    }
    if (this.#public === undefined) {
      this.#public = this.row.publicData ? sseFrame(this.row, this.row.publicData) : null;
    }
    return this.#public;
  }
}

export interface LiveHubOptions {
  /** Interval of `: ping` comments (default 15 s). */
  heartbeatMilliseconds?: number | undefined;
  /**
   * Interval of the check of the open streams' credentials (default 30 s): a stream whose token
   * or key was revoked or expired, whose account was disabled, given other roles or moved to another
   * organization, or whose partner was disabled, is ended (its client reconnects and gets 401,
   * or a stream fitting its new viewer).
   */
  credentialCheckMilliseconds?: number | undefined;
  /** The current time of the credential check (default `() => new Date()`). */
  clock?: (() => Date) | undefined;
  /** Told when a credential check fails (the streams stay open; the next check tries again). */
  onCheckError?: ((error: unknown) => void) | undefined;
}

/**
 * Fans committed outbox events out to the open Server-Sent Event streams of this instance:
 * one read per batch (by the {@link OutboxFeed}), one serialization per event and audience,
 * one shared heartbeat timer. Reconnecting clients are replayed from the outbox table.
 *
 * @example
 * const hub = new LiveHub(app.db, app.outbox, { heartbeatMilliseconds: 15_000 });
 * await hub.add(reply.raw, { topics: new Set(['votes']), viewer, lastEventId: 41 });
 */
export class LiveHub {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #feed: OutboxFeed;
  readonly #subscribers = new Set<Subscriber>();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #credentialCheck: NodeJS.Timeout;
  readonly #clock: () => Date;
  readonly #onCheckError: (error: unknown) => void;
  #checking: Promise<number> | null = null;
  readonly #unsubscribe: () => void;

  constructor(db: Kysely<DatabaseSchema>, feed: OutboxFeed, options: LiveHubOptions = {}) {
    this.#db = db;
    this.#feed = feed;
    this.#clock = options.clock ?? (() => new Date());
    this.#onCheckError = options.onCheckError ?? (() => {});
    this.#unsubscribe = feed.subscribe((rows) => this.publish(rows));
    this.#heartbeat = setInterval(() => this.#ping(), options.heartbeatMilliseconds ?? 15_000);
    this.#heartbeat.unref();
    this.#credentialCheck = setInterval(
      () => this.checkCredentials().catch(this.#onCheckError),
      options.credentialCheckMilliseconds ?? 30_000,
    );
    this.#credentialCheck.unref();
  }

  /** Open streams on this instance. */
  get size(): number {
    return this.#subscribers.size;
  }

  /**
   * Attaches an open SSE response. With `lastEventId`, first replays from the outbox every
   * event after it that the stream's topics and viewer admit, then joins the live flow with
   * nothing missed and nothing twice. Without, the stream is first given the id of the last
   * event before it, so that it can resume from there even if it drops before its first event.
   */
  async add(
    response: ServerResponse,
    options: {
      topics: ReadonlySet<string>;
      viewer: Viewer;
      credential?: StreamCredential | null | undefined;
      lastEventId: number | null;
    },
  ): Promise<void> {
    const subscriber: Subscriber = {
      response,
      topics: options.topics,
      viewer: options.viewer,
      credential: options.credential ?? null,
      cursor: this.#feed.lastPosition,
      replaying: options.lastEventId !== null,
    };
    this.#subscribers.add(subscriber);
    response.once('close', () => this.#subscribers.delete(subscriber));
    if (options.lastEventId === null) {
      // Before anything can be published to it: the stream starts right after this event.
      this.#write(subscriber, sseStartingPoint(subscriber.cursor.id));
      return;
    }
    try {
      subscriber.cursor = await positionAfterEvent(this.#db, options.lastEventId);
      await this.#replay(subscriber);
    } catch (error) {
      // A stream with a hole is worse than none: the client reconnects and replays again.
      this.#subscribers.delete(subscriber);
      response.destroy();
      throw error;
    }
  }

  /** Sends a batch of new events to every stream that follows one of their topics and may read them. */
  publish(rows: readonly OutboxRow[]): void {
    for (const row of rows) {
      const frames = new FramesOfEvent(row);
      for (const subscriber of this.#subscribers) {
        if (subscriber.replaying || !isAfter(row.position, subscriber.cursor)) continue;
        if (!row.topics.some((topic) => subscriber.topics.has(topic))) continue;
        subscriber.cursor = row.position;
        const frame = frames.for(subscriber.viewer);
        if (frame) this.#write(subscriber, frame);
      }
    }
  }

  /**
   * Checks the credentials of the open streams opened with one (a publishable key too), and ends the
   * streams whose credential no longer holds; resolves with how many it ended. Runs every
   * `credentialCheckMilliseconds`; a call while a check runs joins it.
   */
  checkCredentials(): Promise<number> {
    this.#checking ??= this.#checkCredentials().finally(() => {
      this.#checking = null;
    });
    return this.#checking;
  }

  async #checkCredentials(): Promise<number> {
    const checked = [...this.#subscribers].filter((subscriber) => subscriber.credential !== null);
    if (checked.length === 0) return 0;
    const lapsed = await lapsedCredentials(
      this.#db,
      checked.map((subscriber) => subscriber.credential as StreamCredential),
      this.#clock(),
    );
    let ended = 0;
    for (const subscriber of checked) {
      if (!lapsed.has(subscriber.credential as StreamCredential)) continue;
      this.#subscribers.delete(subscriber);
      subscriber.response.end();
      ended += 1;
    }
    return ended;
  }

  /**
   * Ends every stream at once (server shutdown) rather than waiting for clients that never leave:
   * each is told to reconnect (`retry:` with a random delay below one second, and a comment), which
   * through the load balancer reaches another instance, and `Last-Event-ID` replays what it missed.
   */
  closeAll(): void {
    clearInterval(this.#heartbeat);
    clearInterval(this.#credentialCheck);
    this.#unsubscribe();
    for (const subscriber of this.#subscribers) {
      this.#write(subscriber, sseGoodbye(Math.random() * RECONNECT_SPREAD_MILLISECONDS));
      subscriber.response.end();
      subscriber.response.socket?.destroySoon();
    }
    this.#subscribers.clear();
  }

  async #replay(subscriber: Subscriber): Promise<void> {
    const topics = [...subscriber.topics];
    for (;;) {
      const mark = this.#feed.lastPosition;
      const { rows } = await readOutboxAfter(this.#db, subscriber.cursor, { topics, limit: REPLAY_BATCH });
      if (subscriber.response.destroyed) return;
      for (const row of rows) {
        subscriber.cursor = row.position;
        const frame = new FramesOfEvent(row).for(subscriber.viewer);
        if (frame) this.#write(subscriber, frame);
      }
      if (rows.length === REPLAY_BATCH) continue;
      // The hub read nothing new while we read: every event it skipped for us was in our read.
      // Rejoin in this same tick, before the hub can publish anything else.
      if (this.#feed.lastPosition === mark) {
        subscriber.replaying = false;
        return;
      }
    }
  }

  #write(subscriber: Subscriber, frame: string): void {
    const { response } = subscriber;
    // Ended by a credential check or the shutdown while its replay was reading.
    if (response.destroyed || response.writableEnded) return;
    if (response.writableLength > MAX_BACKLOG_BYTES) {
      response.destroy();
      return;
    }
    response.write(frame);
  }

  #ping(): void {
    for (const subscriber of this.#subscribers) this.#write(subscriber, SSE_HEARTBEAT);
  }
}
