import type { Problem, ProblemFieldError } from '@wsc/models';

/** Problem `type` URIs are this base plus a slug; the slugs are part of the API contract. */
export const PROBLEM_TYPE_BASE = 'https://worldsmartcity.org/problems/';

/** The media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const DEFAULT_SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation-failed',
  429: 'rate-limited',
  500: 'internal-error',
  503: 'unavailable',
};

export interface HttpProblemOptions {
  detail?: string | undefined;
  /** Failing fields, each with a dot path (`title.en`). */
  errors?: ProblemFieldError[] | undefined;
  /** Slug appended to {@link PROBLEM_TYPE_BASE}, or a full URI. Defaults from the status. */
  type?: string | undefined;
  /** Extra response headers (`Retry-After`, `WWW-Authenticate`). */
  headers?: Record<string, string> | undefined;
  cause?: unknown;
}

/**
 * The one HTTP error of the server: throw it from a route or a hook and the error handler
 * renders it as `application/problem+json`.
 *
 * @example
 * throw new HttpProblem(404, 'Pain point not found', { detail: `No pain point has the id ${id}.` });
 * throw new HttpProblem(409, 'E-mail already registered', { type: 'email-taken' });
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, title: string, options: HttpProblemOptions = {}) {
    super(options.detail ? `${title}: ${options.detail}` : title, { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = status;
    this.title = title;
    this.type = problemType(
      options.type ?? DEFAULT_SLUGS[status] ?? (status >= 500 ? 'internal-error' : 'bad-request'),
    );
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  /** The body, with the request id and path added by the error handler. */
  toProblem(extra: { requestId?: string; instance?: string } = {}): Problem {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(extra.instance === undefined ? {} : { instance: extra.instance }),
      ...(extra.requestId === undefined ? {} : { requestId: extra.requestId }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

/**
 * Full problem type URI for a slug (a full URI is returned unchanged).
 *
 * @example
 * problemType('validation-failed'); // 'https://worldsmartcity.org/problems/validation-failed'
 */
export function problemType(slug: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(slug) ? slug : `${PROBLEM_TYPE_BASE}${slug}`;
}

/**
 * Throws a 404 problem unless `value` is present; returns it narrowed.
 *
 * @example
 * const account = foundOr404(await findAccount(db, id), 'Account');
 */
export function foundOr404<Value>(value: Value | null | undefined, noun: string): Value {
  if (value === null || value === undefined) throw new HttpProblem(404, `${noun} not found`);
  return value;
}
