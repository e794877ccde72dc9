import { AbortedError, type WscClient, WscError, type WscPlugin, type WscRequest } from '@wsc/sdk';

/** Options of `@wsc/plugin-retry`, passed as `retry` to the client. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3); 0 turns retrying off. */
  retries?: number;
  /** Base of the exponential backoff in milliseconds (default 300). */
  minDelay?: number;
  /** Largest backoff between two attempts in milliseconds (default 10 000). */
  maxDelay?: number;
  /** Cap on the time spent on one call across attempts, waits included (default 30 000 ms). */
  maxElapsed?: number;
}

declare module '@wsc/sdk' {
  interface ClientOptions {
    /** Retry settings of `@wsc/plugin-retry`. */
    retry?: RetryOptions;
  }
  interface RequestOptions {
    /** Retry settings of `@wsc/plugin-retry` for this call, over the client's (`{ retries: 0 }` turns it off). */
    retry?: RetryOptions;
  }
}

const DEFAULTS: Required<RetryOptions> = { retries: 3, minDelay: 300, maxDelay: 10_000, maxElapsed: 30_000 };
const IDEMPOTENT_METHODS = new Set(['GET', 'PUT', 'DELETE']);

/**
 * Whether sending the request again cannot do harm: an idempotent method, or a write that
 * carries an `Idempotency-Key` (the server then answers a repeat with the first result).
 *
 * @example
 * canRepeat({ method: 'POST', headers: { 'idempotency-key': 'k' } }); // true
 */
export function canRepeat(request: Pick<WscRequest, 'method' | 'headers'>): boolean {
  return IDEMPOTENT_METHODS.has(request.method) || Boolean(request.headers['idempotency-key']);
}

/**
 * Whether an error is worth another attempt: network failures, timeouts, 408, 429, 5xx, and a
 * 409 with `Retry-After` (the server is still working on the same idempotency key).
 *
 * @example
 * isRetryableError(new ServerError('down', { status: 503 })); // true
 */
export function isRetryableError(error: unknown): error is WscError {
  if (!WscError.is(error)) return false;
  return error.isRetryable || (error.status === 409 && error.headers['retry-after'] !== undefined);
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: the server's `Retry-After` when it gave one,
 * otherwise exponential backoff with full jitter (a uniform draw between 0 and the backoff).
 *
 * @example
 * retryDelay(new ServerError('down', { status: 503 }), 2, DEFAULTS); // between 0 and 1200
 */
export function retryDelay(error: WscError, attempt: number, settings: Required<RetryOptions>): number {
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined) return retryAfter * 1000;
  const ceiling = Math.min(settings.maxDelay, settings.minDelay * 2 ** attempt);
  return Math.random() * ceiling;
}

function retryAfterSeconds(error: WscError): number | undefined {
  const value =
    (error as { retryAfter?: number }).retryAfter ?? Number.parseFloat(error.headers['retry-after'] ?? '');
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError('The request was aborted while waiting to retry', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Retries failed requests that are safe to repeat, with exponential backoff and full jitter,
 * honouring `Retry-After` and a cap on the total time. The same `Idempotency-Key` travels with
 * every attempt, so a write is applied once. `request.retryCount` tells later hooks the attempt.
 * One call may override the client's settings with its own `retry` option.
 *
 * @example
 * import { WscClient } from '@wsc/sdk';
 * import { retry } from '@wsc/plugin-retry';
 *
 * const Client = WscClient.plugin(retry);
 * const client = new Client({ baseURL, retry: { retries: 5, maxElapsed: 20_000 } });
 * await client.painPoints.vote(id, { retry: { retries: 0 } }); // this call is not retried
 */
export const retry = ((client: WscClient, options) => {
  const clientSettings: Required<RetryOptions> = { ...DEFAULTS, ...options.retry };
  client.hook.wrap(async (request, next) => {
    const perCall = request.options.retry;
    const settings = perCall ? { ...clientSettings, ...perCall } : clientSettings;
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await next(request);
      } catch (error) {
        if (attempt >= settings.retries || !isRetryableError(error) || !canRepeat(request)) throw error;
        const delay = retryDelay(error, attempt, settings);
        // Waiting past the cap only to fail later helps nobody: give the caller the error now.
        if (Date.now() - started + delay > settings.maxElapsed) throw error;
        await sleep(delay, request.signal);
        request.retryCount = attempt + 1;
      }
    }
  });
}) satisfies WscPlugin;
