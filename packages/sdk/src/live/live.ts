import { parseWebhookEvent, type UnknownWebhookEvent, type WebhookEvent } from '@wsc/models';
import { createErrorFromStatus } from '../errors/factory';
import { NetworkError, ResponseValidationError } from '../errors/subclasses';
import type { WscError } from '../errors/wsc-error';
import { SseParser } from './sse-parser';

/**
 * What to follow: a collection, or everything about one pain point or one event.
 * An empty list follows every collection.
 */
export type LiveTopic =
  | 'pain-points'
  | 'votes'
  | 'comments'
  | 'standard-mappings'
  | 'events'
  | 'registrations'
  | `pain-points/${string}`
  | `events/${string}`;

/**
 * One live update, the same body a webhook carries: a `WebhookEvent` discriminated by `type`, or,
 * from a server newer than this SDK, an `UnknownWebhookEvent` (tell them apart with
 * `isKnownWebhookEvent`).
 */
export type LiveEvent = WebhookEvent | UnknownWebhookEvent;

export interface LiveSubscribeOptions {
  /** Resume after this event id (sent as `Last-Event-ID`). */
  lastEventId?: string;
  /** Closes the subscription. */
  signal?: AbortSignal;
  /**
   * Called on every failure; the subscription reconnects unless the error is final (401, 403,
   * 404). An update that is not a valid event is skipped and reported as a `ResponseValidationError`.
   */
  onError?: (error: WscError) => void;
  /** Called each time the stream is (re)connected. */
  onOpen?: () => void;
  /** First reconnection delay in milliseconds (default 1000, doubled up to 30 s; `retry:` from the server wins). */
  reconnectDelay?: number;
}

/** A running subscription. */
export interface LiveSubscription {
  /** Stops listening and releases the connection. */
  close(): void;
  /**
   * The stream's last event id, for resuming elsewhere: that of the last event received, or the
   * starting point the server gave the stream before its first event.
   */
  readonly lastEventId: string | undefined;
  /** Settles when the subscription has ended (closed, or a final error). */
  readonly closed: Promise<void>;
}

interface LiveContext {
  baseURL: string;
  headers(): Promise<Record<string, string>>;
}

const MAX_RECONNECT_DELAY = 30_000;

/**
 * Live updates over Server-Sent Events, read with `fetch` streaming rather than `EventSource`
 * so that credential headers can be sent and the same code runs in Node 20 and browsers.
 */
export class Live {
  readonly #context: LiveContext;

  constructor(context: LiveContext) {
    this.#context = context;
  }

  /**
   * Calls `handler` for each event of the given topics, reconnecting after failures and
   * resuming with `Last-Event-ID`.
   *
   * @example
   * import { isKnownWebhookEvent } from '@wsc/sdk';
   *
   * const subscription = client.live.subscribe(['pain-points', 'votes'], (event) => {
   *   if (!isKnownWebhookEvent(event)) return; // a type added after this SDK version
   *   if (event.type === 'pain_point.voted') console.log(event.data.painPointId, event.data.voteCount);
   * });
   * // later
   * subscription.close();
   */
  subscribe(
    topics: LiveTopic | readonly LiveTopic[],
    handler: (event: LiveEvent) => void,
    options: LiveSubscribeOptions = {},
  ): LiveSubscription {
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    if (options.signal?.aborted) controller.abort();
    const initialDelay = options.reconnectDelay ?? 1000;
    const state = { lastEventId: options.lastEventId, delay: initialDelay };
    const url = `${this.#context.baseURL}/v1/stream?topics=${encodeURIComponent(
      typeof topics === 'string' ? topics : topics.join(','),
    )}`;

    const report = (error: WscError) => {
      if (!controller.signal.aborted) options.onError?.(error);
    };

    const parser = new SseParser(
      (event) => {
        state.lastEventId = event.id;
        let parsed: ReturnType<typeof parseWebhookEvent>;
        try {
          parsed = parseWebhookEvent(JSON.parse(event.data));
        } catch {
          parsed = { success: false, issues: [{ path: '', message: 'not valid JSON' }] };
        }
        if (!parsed.success) {
          const first = parsed.issues[0];
          report(
            new ResponseValidationError(
              `A live update (${event.type}) is not a valid event at "${first?.path ?? ''}": ${first?.message ?? 'invalid'}`,
              { issues: parsed.issues, request: { method: 'GET', path: '/v1/stream' } },
            ),
          );
          return;
        }
        try {
          handler(parsed.event);
        } catch (error) {
          report(new NetworkError('A live update handler threw', { cause: error }));
        }
      },
      (milliseconds) => {
        state.delay = milliseconds;
      },
    );

    const connect = async (): Promise<'reconnect' | 'stop'> => {
      const headers: Record<string, string> = {
        ...(await this.#context.headers()),
        accept: 'text/event-stream',
      };
      if (state.lastEventId !== undefined) headers['last-event-id'] = state.lastEventId;
      const response = await fetch(url, { headers, signal: controller.signal });
      if (!response.ok || !response.body) {
        const headerRecord = Object.fromEntries(response.headers);
        const problem = await response.json().catch(() => undefined);
        const title = typeof problem?.title === 'string' ? `: ${problem.title}` : '';
        const error = createErrorFromStatus(
          response.status,
          `GET /v1/stream failed with ${response.status}${title}`,
          {
            requestId: headerRecord['x-request-id'],
            headers: headerRecord,
            problem: typeof problem?.title === 'string' ? problem : undefined,
            request: { method: 'GET', path: '/v1/stream' },
          },
        );
        report(error);
        return error.isRetryable ? 'reconnect' : 'stop';
      }
      options.onOpen?.();
      state.delay = initialDelay;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'reconnect';
        parser.push(value);
        // An `id:` without data counts too: the server gives a new stream its starting point that way,
        // so a stream lost before its first event still resumes without a gap.
        if (parser.lastEventId !== undefined) state.lastEventId = parser.lastEventId;
      }
    };

    const run = async () => {
      while (!controller.signal.aborted) {
        let outcome: 'reconnect' | 'stop' = 'reconnect';
        try {
          outcome = await connect();
        } catch (error) {
          if (controller.signal.aborted) break;
          report(new NetworkError('The live update stream was interrupted', { cause: error }));
        }
        if (outcome === 'stop') break;
        // Full jitter keeps many browsers from reconnecting in lockstep after an outage.
        await sleep(Math.random() * state.delay, controller.signal);
        state.delay = Math.min(state.delay * 2, MAX_RECONNECT_DELAY);
      }
      controller.abort();
    };

    const closed = run();
    return {
      close: () => controller.abort(),
      get lastEventId() {
        return state.lastEventId;
      },
      closed,
    };
  }
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, milliseconds);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
