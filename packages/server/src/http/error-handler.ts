import type { ProblemFieldError } from '@wsc/models';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { releaseForRetry } from './idempotency';
import { HttpProblem, PROBLEM_CONTENT_TYPE } from './problem';

/** PostgreSQL error codes that only bad input can cause, and what the client is told. */
const DATABASE_INPUT_ERRORS: Record<string, [number, string]> = {
  '22P02': [400, 'Invalid value'],
  '22021': [422, 'Text contains a NUL character or invalid UTF-8'],
  '22P05': [422, 'Text contains a character the database cannot store'],
  '22001': [422, 'Value too long'],
  '22003': [422, 'Number out of range'],
  '22007': [400, 'Invalid date or time'],
  '22008': [400, 'Date or time out of range'],
  '23505': [409, 'Conflict with an existing object'],
  '23503': [422, 'A referenced object does not exist'],
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

function raceProblem(code: string, cause: unknown): HttpProblem {
  if (RACE_ANSWERS[code] === 'read again') {
    return new HttpProblem(409, 'Conflict with the current state', {
      detail: 'Another change to the same object came first; read it again and retry.',
      cause,
    });
  }
  return new HttpProblem(503, 'Busy with a concurrent change', {
    detail: 'The request met a concurrent change and was rolled back; retry it.',
    headers: { 'Retry-After': '1' },
    cause,
  });
}

const FASTIFY_ERRORS: Record<string, [number, string, string?]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'Malformed JSON', 'malformed-json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'Empty JSON body', 'malformed-json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'Request body too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'Unsupported media type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'Invalid Content-Length'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'Invalid Content-Type'],
};

const LOCATION_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/**
 * Converts anything thrown into an {@link HttpProblem}: our own problems, schema validation
 * failures (422 with `errors[]`), Fastify's parser errors (400, 413, 415), database input
 * errors, and finally unknown errors (500, details only in the log).
 *
 * @example
 * const problem = toHttpProblem(error);
 */
export function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location =
      LOCATION_NAMES[(error as { validationContext?: string }).validationContext ?? 'body'] ?? 'body';
    const errors: ProblemFieldError[] = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message ?? 'Invalid value',
      code: issue.keyword,
    }));
    return new HttpProblem(422, 'Validation failed', {
      type: 'validation-failed',
      detail: `The request ${location} does not match the schema.`,
      errors,
    });
  }
  const fastifyError = error as Partial<FastifyError> & { code?: string };
  const known = fastifyError.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) {
    return new HttpProblem(known[0], known[1], {
      type: known[2],
      detail: fastifyError.message,
      cause: error,
    });
  }
  const databaseError = fastifyError.code ? DATABASE_INPUT_ERRORS[fastifyError.code] : undefined;
  if (databaseError) return new HttpProblem(databaseError[0], databaseError[1], { cause: error });
  if (isRace(fastifyError.code)) return raceProblem(fastifyError.code, error);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpProblem(status, httpTitle(status), { detail: fastifyError.message, cause: error });
  }
  return new HttpProblem(500, 'Internal server error', {
    detail: 'The server failed to answer this request; it has been logged.',
    cause: error,
  });
}

/**
 * Writes an {@link HttpProblem} as `application/problem+json`, bypassing route serializers.
 *
 * @example
 * return sendProblem(request, reply, new HttpProblem(401, 'Sign-in required'));
 */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: HttpProblem,
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
    const problem = toHttpProblem(error);
    const race = isRace((error as { code?: unknown }).code);
    if (race) releaseForRetry(request);
    if (problem.status >= 500 || race) {
      request.log.error({ err: error }, 'request failed');
    } else request.log.info({ problem: problem.type, status: problem.status }, 'request refused');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    return sendProblem(
      request,
      reply,
      new HttpProblem(404, 'Not found', { detail: `No route answers ${request.method} ${path}.` }),
    );
  });
}

function httpTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    406: 'Not acceptable',
    409: 'Conflict',
    413: 'Request body too large',
    415: 'Unsupported media type',
    429: 'Too many requests',
  };
  return titles[status] ?? 'Request refused';
}
