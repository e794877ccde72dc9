import type { Problem, ProblemFieldError } from '@wsc/models';
import { type KnownProblemCode, PROBLEM_TYPE_BASE, PROBLEM_TYPES } from '@wsc/models/problems';

export { PROBLEM_TYPE_BASE };

/** What a {@link DomainError} says beyond its problem type. */
export interface DomainErrorOptions {
  /** What went wrong this time, for a person: which id, which field, what to do. */
  detail?: string | undefined;
  /** Failing fields, each with a dot path (`title.en`). */
  errors?: ProblemFieldError[] | undefined;
  /** Response headers the HTTP edge adds (`Retry-After`, `WWW-Authenticate`). */
  headers?: Record<string, string> | undefined;
  cause?: unknown;
}

/**
 * The one error a rule of the server raises: a problem code of `@wsc/models` (its status and
 * title come from the code's entry in `PROBLEM_TYPES`, so one slug always answers the same way)
 * with what went wrong this time. Services, repositories and routes throw it without knowing of
 * HTTP; the HTTP edge (`http/error-handler.ts`) writes it as `application/problem+json`. Build it
 * with {@link domainError}.
 */
export class DomainError extends Error {
  /** The slug of `PROBLEM_TYPES`. */
  readonly code: KnownProblemCode;
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(code: KnownProblemCode, options: DomainErrorOptions = {}) {
    const { status, title } = PROBLEM_TYPES[code];
    super(options.detail ? `${title}: ${options.detail}` : title, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.status = status;
    this.title = title;
    this.type = problemType(code);
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
 * The problem of a slug of `PROBLEM_TYPES`, to throw: status and title come from the catalogue.
 *
 * @example
 * throw domainError('slug-taken', { detail: `Another event already uses the slug ${slug}.` });
 * throw domainError('not-found', { detail: `No pain point has the id ${id}.` });
 */
export function domainError(code: KnownProblemCode, options: DomainErrorOptions = {}): DomainError {
  return new DomainError(code, options);
}

/**
 * Full problem type URI of a slug.
 *
 * @example
 * problemType('validation-failed'); // 'https://worldsmartcity.org/problems/validation-failed'
 */
export function problemType(code: KnownProblemCode): string {
  return `${PROBLEM_TYPE_BASE}${code}`;
}

/**
 * Throws a 404 `not-found` problem unless `value` is present; returns it narrowed.
 *
 * @example
 * const account = foundOr404(await findAccount(db, id), 'Account');
 */
export function foundOr404<Value>(value: Value | null | undefined, noun: string): Value {
  if (value === null || value === undefined) {
    throw domainError('not-found', { detail: `${noun} not found.` });
  }
  return value;
}
