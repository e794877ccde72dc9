import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  ValidationError,
} from './subclasses';
import { WscError, type WscErrorOptions } from './wsc-error';

/**
 * Reads `Retry-After` (delta seconds or an HTTP date) into seconds from now.
 *
 * @example
 * parseRetryAfter('3'); // 3
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/**
 * Chooses the error class from an HTTP status.
 *
 * @example
 * const error = createErrorFromStatus(404, 'Not found', { requestId: 'req_1' });
 * error instanceof NotFoundError; // true
 */
export function createErrorFromStatus(
  status: number,
  message: string,
  options: WscErrorOptions = {},
): WscError {
  const all = { ...options, status };
  if (status === 400 || status === 422) return new ValidationError(message, all);
  if (status === 401) return new AuthenticationError(message, all);
  if (status === 403) return new PermissionError(message, all);
  if (status === 404) return new NotFoundError(message, all);
  if (status === 409) return new ConflictError(message, all);
  if (status === 429) {
    return new RateLimitError(message, {
      ...all,
      retryAfter: parseRetryAfter(options.headers?.['retry-after']),
    });
  }
  if (status >= 500) return new ServerError(message, all);
  return new WscError(message, all);
}
