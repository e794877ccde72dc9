import type { Problem } from '@wsc/models';
import { type ProblemCode, problemCodeOf } from '@wsc/models/problems';

/** Brand shared by every copy of the package, so `WscError.is` works across duplicated installs. */
const BRAND = Symbol.for('wsc.error');

/** What the SDK knows about the request that failed; never holds credentials. */
export interface WscErrorRequest {
  method: string;
  /** Path and query, relative to the base URL (`/v1/pain-points?limit=20`). */
  path: string;
}

export interface WscErrorOptions {
  status?: number;
  requestId?: string | undefined;
  problem?: Problem | undefined;
  cause?: unknown;
  request?: WscErrorRequest | undefined;
  headers?: Record<string, string> | undefined;
}

/**
 * Base of every error the SDK throws. `status` is the HTTP status, or 0 when no response
 * arrived (network failure, timeout, abort).
 *
 * @example
 * try {
 *   await client.painPoints.get('missing');
 * } catch (error) {
 *   if (WscError.is(error)) console.log(error.status, error.code, error.requestId, error.problem?.detail);
 * }
 * // Branch on the machine code, not on the title (titles are for people):
 * if (WscError.is(error) && error.code === 'slug-taken') suggestAnotherSlug();
 */
export class WscError extends Error {
  override name = 'WscError';
  /** HTTP status, 0 when the request never got an answer. */
  readonly status: number;
  /** The server's `x-request-id`: quote it when you ask for support. */
  readonly requestId: string | undefined;
  /** RFC 9457 problem details from the server, when it sent them. */
  readonly problem: Problem | undefined;
  /**
   * The problem's slug (`slug-taken`, `rate-limited`: the last path segment of its `type`), when
   * the server sent a problem document. Typed with the slugs this version knows, and still a
   * string for those a newer server adds. The list: `PROBLEM_TYPES` of `@wsc/models/problems`.
   */
  readonly code: ProblemCode | undefined;
  readonly request: WscErrorRequest | undefined;
  /** Response headers (lower-case names), when a response arrived. */
  readonly headers: Record<string, string>;

  constructor(message: string, options: WscErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status ?? 0;
    this.requestId = options.requestId;
    this.problem = options.problem;
    this.code = typeof options.problem?.type === 'string' ? problemCodeOf(options.problem.type) : undefined;
    this.request = options.request;
    this.headers = options.headers ?? {};
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Whether sending the same request again may succeed (network trouble, 408, 429, 5xx). */
  get isRetryable(): boolean {
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /**
   * Tells whether a value is an SDK error, even one thrown by another copy of the package.
   *
   * @example
   * if (WscError.is(error) && error.status === 404) return null;
   */
  static is(value: unknown): value is WscError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** A plain, credential-free view for structured logs. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      isRetryable: this.isRetryable,
      request: this.request,
      problem: this.problem,
    };
  }
}
