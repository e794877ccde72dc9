import { describe, expect, it } from 'vitest';
import { redact } from '../redact';
import { createErrorFromStatus, parseRetryAfter } from './factory';
import {
  AuthenticationError,
  ConflictError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './subclasses';
import { WscError } from './wsc-error';

describe('createErrorFromStatus', () => {
  it.each([
    [400, ValidationError],
    [422, ValidationError],
    [401, AuthenticationError],
    [403, PermissionError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
  ])('maps %i to %o', (status, expected) => {
    const error = createErrorFromStatus(status, 'failed');
    expect(error).toBeInstanceOf(expected);
    expect(error).toBeInstanceOf(WscError);
    expect(error.status).toBe(status);
  });

  it('keeps other statuses on the base class', () => {
    const error = createErrorFromStatus(418, 'teapot');
    expect(error.constructor).toBe(WscError);
    expect(error.isRetryable).toBe(false);
  });

  it('marks what is worth retrying', () => {
    expect(createErrorFromStatus(503, '').isRetryable).toBe(true);
    expect(createErrorFromStatus(501, '').isRetryable).toBe(false);
    expect(createErrorFromStatus(409, '').isRetryable).toBe(false);
    expect(new NetworkError('reset').isRetryable).toBe(true);
    expect(new TimeoutError('slow')).toBeInstanceOf(NetworkError);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-05-01T00:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Fri, 01 May 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    const error = createErrorFromStatus(429, 'slow down', { headers: { 'retry-after': '2' } });
    expect((error as RateLimitError).retryAfter).toBe(2);
  });
});

describe('WscError.code', () => {
  const problem = (type: string) => ({ type, title: 'Refused', status: 409 });

  it('is the slug of the problem type', () => {
    const error = createErrorFromStatus(409, 'taken', {
      problem: problem('https://worldsmartcity.org/problems/slug-taken'),
    });
    expect(error.code).toBe('slug-taken');
    expect(error.toJSON()).toMatchObject({ code: 'slug-taken' });
  });

  it('keeps a slug this version does not know, and a type that is not a URI', () => {
    const newer = createErrorFromStatus(409, 'x', {
      problem: problem('https://worldsmartcity.org/problems/membership-conflict'),
    });
    expect(newer.code).toBe('membership-conflict');
    expect(createErrorFromStatus(400, 'x', { problem: problem('about:blank') }).code).toBe('about:blank');
  });

  it('is undefined without a problem document (network errors, other bodies)', () => {
    expect(new NetworkError('reset').code).toBeUndefined();
    expect(createErrorFromStatus(502, 'Bad gateway').code).toBeUndefined();
  });
});

describe('WscError.is', () => {
  it('recognises errors of another copy of the package through the Symbol.for brand', () => {
    const foreign = Object.assign(new Error('from another copy'), { [Symbol.for('wsc.error')]: true });
    expect(WscError.is(foreign)).toBe(true);
    expect(WscError.is(new Error('plain'))).toBe(false);
    expect(WscError.is(null)).toBe(false);
    expect(WscError.is(new NotFoundError('x', { status: 404 }))).toBe(true);
  });

  it('serialises to JSON without the cause', () => {
    const error = new ServerError('boom', {
      status: 502,
      requestId: 'req_1',
      cause: { secret: 'sk_live_x' },
    });
    expect(error.toJSON()).toMatchObject({
      name: 'ServerError',
      status: 502,
      requestId: 'req_1',
      isRetryable: true,
    });
    expect(JSON.stringify(error)).not.toContain('sk_live_x');
  });
});

describe('redact', () => {
  it('masks keys, webhook secrets, bearer tokens and given literals', () => {
    expect(redact('key sk_live_abc123 and pk_test_x9')).toBe('key sk_[redacted] and pk_[redacted]');
    expect(redact('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe('whsec_[redacted]');
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redact('token opaque-session-value here', ['opaque-session-value'])).toBe('token [redacted] here');
  });
});
