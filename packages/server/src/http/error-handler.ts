import type { ProblemFieldError } from '@wsc/models';
import type { KnownProblemCode } from '@wsc/models/problems';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, domainError } from '../errors/domain-error';
import { releaseForRetry } from './idempotency';
import { unsupportedMediaType } from './json-body';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** PostgreSQL error codes that only bad input can cause, the problem type and what the client is told. */
const DATABASE_INPUT_ERRORS: Record<string, [KnownProblemCode, string]> = {
  '22P02': ['bad-request', 'A value is not valid for its type.'],
  '22021': ['validation-failed', 'Text contains a NUL character or invalid UTF-8.'],
  '22P05': ['validation-failed', 'Text contains a character the database cannot store.'],
  '22001': ['validation-failed', 'A value is too long.'],
  '22003': ['validation-failed', 'A number is out of range.'],
  '22007': ['bad-request', 'A date or time is not valid.'],
  '22008': ['bad-request', 'A date or time is out of range.'],
  '23505': ['conflict', 'The request conflicts with an existing object.'],
  '23503': ['validation-failed', 'A referenced object does not exist.'],
};

/**
 * PostgreSQL errors of concurrent writes that slipped past the server's own checks and locks:
 * the request checked out, but another write changed the rows meanwhile (a CHECK constraint then
 * refuses the combination), or two transactions waited for each other (a deadlock, a
 * serialization failure). Nothing was written; the client is told to read again or retry, not a
 * 500. They are still logged as failures: each one is a race the code should have prevented.
 */
const RACE_ANSWERS: Record<string, 'read again' | 'retry'> = {
  '23514': 'read again',
  '40P01': 'retry',
  '40001': 'retry',
};

function isRace(code: unknown): code is string {
  return typeof code === 'string' && Object.hasOwn(RACE_ANSWERS, code);
}

function raceProblem(code: string, cause: unknown): DomainError {
  if (RACE_ANSWERS[code] === 'read again') {
    return domainError('conflict', {
      detail: 'Another change to the same object came first; read it again and retry.',
      cause,
    });
  }
  return domainError('unavailable', {
    detail: 'The request met a concurrent change and was rolled back; retry it.',
    headers: { 'Retry-After': '1' },
    cause,
  });
}

/** Fastify's errors of a request it cannot read, and their problem types. */
const FASTIFY_ERRORS: Record<string, KnownProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_CTP_INVALID_TYPE: 'bad-request',
};

/**
 * The problem type of another 4xx a plugin raises with a `statusCode` (none is known today): the
 * generic type of that status, so the answer stays within the catalogue.
 */
const GENERIC_BY_STATUS: Record<number, KnownProblemCode> = {
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation-failed',
  429: 'rate-limited',
};

const LOCATION_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/**
 * Converts anything thrown into an {@link DomainError}: our own problems, schema validation
 * failures (422 with `errors[]`), Fastify's parser errors (400, 413, 415), database input
 * errors, and finally unknown errors (500, details only in the log).
 *
 * @example
 * const answer = toHttpProblem(error);
 */
export function toHttpProblem(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location =
      LOCATION_NAMES[(error as { validationContext?: string }).validationContext ?? 'body'] ?? 'body';
    const errors: ProblemFieldError[] = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message ?? 'Invalid value',
      code: issue.keyword,
    }));
    return domainError('validation-failed', {
      detail: `The request ${location} does not match the schema.`,
      errors,
    });
  }
  const fastifyError = error as Partial<FastifyError> & { code?: string };
  const known = fastifyError.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) return domainError(known, { detail: fastifyError.message, cause: error });
  const databaseError = fastifyError.code ? DATABASE_INPUT_ERRORS[fastifyError.code] : undefined;
  if (databaseError) return domainError(databaseError[0], { detail: databaseError[1], cause: error });
  if (isRace(fastifyError.code)) return raceProblem(fastifyError.code, error);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return domainError(GENERIC_BY_STATUS[status] ?? 'bad-request', {
      detail: fastifyError.message,
      cause: error,
    });
  }
  return domainError('internal-error', {
    detail: 'The server failed to answer this request; it has been logged.',
    cause: error,
  });
}

/**
 * Writes an {@link DomainError} as `application/problem+json`, bypassing route serializers.
 *
 * @example
 * return sendProblem(request, reply, domainError('authentication-required'));
 */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: DomainError,
): FastifyReply {
  const path = request.url.split('?')[0];
  const body = problem.toProblem({ requestId: request.id, ...(path ? { instance: path } : {}) });
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/**
 * Installs the error and not-found handlers so every 4xx and 5xx is a problem document.
 *
 * @example
 * installErrorHandling(app);
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    // Fastify's own 415 does not say what was sent; the answer names the request's Content-Type.
    const answer =
      (error as { code?: unknown }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? unsupportedMediaType(request.headers['content-type'])
        : toHttpProblem(error);
    const race = isRace((error as { code?: unknown }).code);
    if (race) releaseForRetry(request);
    if (answer.status >= 500 || race) {
      request.log.error({ err: error }, 'request failed');
    } else request.log.info({ problem: answer.type, status: answer.status }, 'request refused');
    return sendProblem(request, reply, answer);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    return sendProblem(
      request,
      reply,
      domainError('not-found', { detail: `No route answers ${request.method} ${path}.` }),
    );
  });
}
