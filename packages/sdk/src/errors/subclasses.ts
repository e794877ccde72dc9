import type { ProblemFieldError } from '@wsc/models';
import { WscError, type WscErrorOptions } from './wsc-error';

/** 400 or 422: the request was refused; `errors` names each failing field (`title.en`). */
export class ValidationError extends WscError {
  override name = 'ValidationError';
  get errors(): ProblemFieldError[] {
    return this.problem?.errors ?? [];
  }
}

/** 401: missing, expired or revoked credentials. */
export class AuthenticationError extends WscError {
  override name = 'AuthenticationError';
}

/** 403: the credentials are valid but may not do this. */
export class PermissionError extends WscError {
  override name = 'PermissionError';
}

/** 404: no such resource (or not visible to the caller). */
export class NotFoundError extends WscError {
  override name = 'NotFoundError';
}

/** 409: the request conflicts with the current state (already registered, idempotency key reused). */
export class ConflictError extends WscError {
  override name = 'ConflictError';
}

/** 429: slow down; `retryAfter` is the server's hint in seconds, when given. */
export class RateLimitError extends WscError {
  override name = 'RateLimitError';
  readonly retryAfter: number | undefined;
  constructor(message: string, options: WscErrorOptions & { retryAfter?: number | undefined } = {}) {
    super(message, options);
    this.retryAfter = options.retryAfter;
  }
}

/** 5xx: the platform failed; usually worth retrying. */
export class ServerError extends WscError {
  override name = 'ServerError';
  override get isRetryable(): boolean {
    return this.status !== 501 && this.status !== 505;
  }
}

/** No answer: DNS failure, refused or reset connection, offline browser. */
export class NetworkError extends WscError {
  override name = 'NetworkError';
  override get isRetryable(): boolean {
    return true;
  }
}

/** No complete answer within the configured `timeout`. */
export class TimeoutError extends NetworkError {
  override name = 'TimeoutError';
}

/** The caller's `AbortSignal` fired; never retried. */
export class AbortedError extends WscError {
  override name = 'AbortedError';
}

/** The response did not match the expected schema; `path` names the first failing field. */
export class ResponseValidationError extends WscError {
  override name = 'ResponseValidationError';
  /** Dot path of the first failing field (`data.3.title`), '' for the whole body. */
  readonly path: string;
  readonly issues: readonly { path: string; message: string }[];
  constructor(
    message: string,
    options: WscErrorOptions & { issues?: readonly { path: string; message: string }[] } = {},
  ) {
    super(message, options);
    this.issues = options.issues ?? [];
    this.path = this.issues[0]?.path ?? '';
  }
  override get isRetryable(): boolean {
    return false;
  }
}
