import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ProblemSchema } from '@wsc/models';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';

const problemJsonSchema = (() => {
  const schema = z.toJSONSchema(ProblemSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
  delete schema.$schema;
  return schema;
})();

/** Error statuses every documented route may answer, always as problem+json. */
const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Malformed request (for example invalid JSON)',
  '401': 'Missing, unknown, expired or revoked credentials',
  '403': 'Credentials valid but not allowed here (role, scope, origin)',
  '404': 'No such object, or not yours to see',
  '409':
    'Conflict with the current state (a concurrent change may have come first: read again), or an Idempotency-Key still in use',
  '413': 'Request body too large',
  '415': 'Request body is not JSON (send Content-Type: application/json)',
  '422': 'Validation failed (see errors[]) or Idempotency-Key reused with another body',
  '429': 'Rate limit reached (see Retry-After)',
  '500': 'Server error',
};

/** Statuses only some routes answer: 415 needs a body, 503 is the readiness probe's. */
const BODY_ONLY_STATUSES = new Set(['413', '415']);

/** GETs whose text follows `Accept-Language` (the answer says which in `Content-Language`). */
const LOCALIZED_GET_PATHS = new Set([
  '/v1/pain-points',
  '/v1/pain-points/{id}',
  '/v1/events/{id}/calendar.ics',
  '/v1/events/{id}/programme-proposals',
]);

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

const PARAMETERS = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a write safe to retry (Stripe semantics, 24 h, per caller): the same key with the same request answers the first result again with `Idempotent-Replayed: true`; with another body, 422; while the first is in flight, 409 with `Retry-After`.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description:
      'Preferred languages (ar, zh, en, fr, ru, es), q-ordered. Text is served in the first one it exists in, then English, then the author’s language, then fr, es, ru, zh, ar; `Content-Language` says which.',
    schema: { type: 'string', examples: ['fr-CH, fr;q=0.9, en;q=0.8'] },
  },
} as const;

const HEADERS = {
  RequestId: {
    description:
      'The request id (a well-formed incoming `x-request-id` is kept), also in logs and problem documents.',
    schema: { type: 'string' },
  },
  RetryAfter: {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer', minimum: 1 },
  },
} as const;

/** Statuses whose answer carries `Retry-After`. */
const RETRY_AFTER_STATUSES = new Set(['409', '429', '503']);

type Operation = {
  parameters?: unknown[];
  responses?: Record<string, { headers?: Record<string, unknown> }>;
};

/**
 * Adds what the route schemas cannot say: the `Idempotency-Key` parameter on writes,
 * `Accept-Language` on localized reads, and the `x-request-id` / `Retry-After` answer headers.
 */
function documentHeaders(document: Record<string, unknown>): Record<string, unknown> {
  document.components ??= {};
  const components = document.components as Record<string, Record<string, unknown>>;
  components.parameters = { ...components.parameters, ...PARAMETERS };
  components.headers = { ...components.headers, ...HEADERS };
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const extra: unknown[] = [];
      if (WRITE_METHODS.has(method)) extra.push({ $ref: '#/components/parameters/IdempotencyKey' });
      if (method === 'get' && LOCALIZED_GET_PATHS.has(path)) {
        extra.push({ $ref: '#/components/parameters/AcceptLanguage' });
      }
      if (extra.length > 0) operation.parameters = [...(operation.parameters ?? []), ...extra];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        response.headers = {
          ...response.headers,
          'x-request-id': { $ref: '#/components/headers/RequestId' },
          ...(RETRY_AFTER_STATUSES.has(status)
            ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
            : {}),
        };
      }
    }
  }
  return document;
}

/**
 * Registers `/openapi.json` (OpenAPI 3.1 generated from the routes' zod schemas, with every
 * error response as problem+json) and `/docs` (Swagger UI served from the installed package,
 * no CDN).
 *
 * @example
 * await registerOpenApi(app, { publicUrl: 'http://localhost:8787' });
 */
export async function registerOpenApi(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'World Smart City Community API',
        version: '1.0.0',
        description:
          'The community platform of IEC, ISO and ITU: pain points, standards, coverage and events. Errors are RFC 9457 problem documents. Writes accept an Idempotency-Key header.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A session token (wsc_ses_…), an SSO user token (wsc_sso_…) or, from servers, a secret key (sk_live_…).',
          },
          publishableKey: { type: 'apiKey', in: 'header', name: 'X-WSC-Publishable-Key' },
        },
      },
      security: [{}, { bearer: [] }, { publishableKey: [] }],
    },
    transform: (document) => {
      const transformed = jsonSchemaTransform(document);
      const schema = transformed.schema as {
        response?: Record<string, unknown>;
        hide?: boolean;
        body?: unknown;
      };
      if (schema && !schema.hide) {
        schema.response ??= {};
        const errors = Object.entries(ERROR_RESPONSES).filter(
          ([status]) => schema.body !== undefined || !BODY_ONLY_STATUSES.has(status),
        );
        if (transformed.url === '/ready') {
          errors.push(['503', 'The database does not answer: take this instance out of rotation']);
        } else if ([document.route.method].flat().some((method) => WRITE_METHODS.has(method.toLowerCase()))) {
          errors.push(['503', 'Rolled back by a concurrent change (a deadlock): retry after Retry-After']);
        }
        for (const [status, description] of errors) {
          schema.response[status] ??= {
            description,
            content: { 'application/problem+json': { schema: problemJsonSchema } },
          };
        }
      }
      return transformed;
    },
    transformObject: (documentObject) =>
      documentHeaders(
        ('openapiObject' in documentObject
          ? documentObject.openapiObject
          : documentObject.swaggerObject) as Record<string, unknown>,
      ) as never,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { validatorUrl: null, deepLinking: true, displayRequestDuration: true },
  });
}
