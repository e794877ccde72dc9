import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import {
  addProblemSchema,
  documentOperation,
  PUBLIC_SECURITY,
  type RouteConfig,
  SECURITY_SCHEMES,
  type TransformedSchema,
} from './openapi-operation';

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
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'The `ETag` of an earlier answer: 304 without a body when it is still current.',
    schema: { type: 'string' },
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
  EntityTag: {
    description: 'A strong ETag of the body: send it back as `If-None-Match` to revalidate.',
    schema: { type: 'string' },
  },
  IdempotentReplayed: {
    description:
      '`true` when this is the stored answer of an earlier request with the same `Idempotency-Key`.',
    schema: { type: 'string', enum: ['true'] },
  },
  WwwAuthenticate: {
    description:
      'The authentication scheme to use (`Bearer`), with `error="invalid_token"` for a refused token.',
    schema: { type: 'string' },
  },
} as const;

/** Statuses whose answer carries `Retry-After`. */
const RETRY_AFTER_STATUSES = new Set(['409', '429', '503']);

type Operation = {
  parameters?: unknown[];
  responses?: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
};

/** The headers an answer carries beyond `x-request-id`, by method and status. */
function answerHeaders(method: string, status: string, revalidated: boolean): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  if (RETRY_AFTER_STATUSES.has(status)) headers['Retry-After'] = { $ref: '#/components/headers/RetryAfter' };
  if (status === '401') headers['WWW-Authenticate'] = { $ref: '#/components/headers/WwwAuthenticate' };
  if (revalidated && (status === '200' || status === '304')) {
    headers.ETag = { $ref: '#/components/headers/EntityTag' };
  }
  if (WRITE_METHODS.has(method) && status.startsWith('2')) {
    headers['Idempotent-Replayed'] = { $ref: '#/components/headers/IdempotentReplayed' };
  }
  return headers;
}

/**
 * Adds what the route schemas cannot say: the `Idempotency-Key` parameter on writes,
 * `Accept-Language` on localized reads, `If-None-Match` on JSON reads, and the answer headers
 * (`x-request-id`, `Retry-After`, `WWW-Authenticate`, `ETag`, `Idempotent-Replayed`).
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
      // JSON reads carry an ETag (see etag.ts): their 304 is documented with them.
      const revalidated = Boolean(operation.responses?.['304']);
      if (revalidated) extra.push({ $ref: '#/components/parameters/IfNoneMatch' });
      if (extra.length > 0) operation.parameters = [...(operation.parameters ?? []), ...extra];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        response.headers = {
          ...response.headers,
          'x-request-id': { $ref: '#/components/headers/RequestId' },
          ...answerHeaders(method, status, revalidated),
        };
      }
    }
  }
  return document;
}

/**
 * Registers `/openapi.json` (OpenAPI 3.1 generated from the routes' zod schemas: each operation
 * with its security, its success answers and their media types, and exactly the problem types it
 * can answer, as problem+json) and `/docs` (Swagger UI served from the installed package, no CDN).
 *
 * @example
 * await registerOpenApi(app, { publicUrl: 'http://localhost:8787', rateLimited: true });
 */
export async function registerOpenApi(
  app: FastifyInstance,
  options: { publicUrl: string; rateLimited: boolean },
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'World Smart City Community API',
        version: '1.0.0',
        description:
          'The community platform of IEC, ISO and ITU: pain points, standards, coverage and events. Errors are RFC 9457 problem documents (`application/problem+json`) whose `type` ends with a slug; each operation lists the slugs it can answer. Writes accept an Idempotency-Key header.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: options.publicUrl }],
      components: { securitySchemes: SECURITY_SCHEMES },
      // Public routes: anonymous, or a member (their own votes and registrations show), or a partner's site.
      security: PUBLIC_SECURITY,
    },
    transform: (document) => {
      const transformed = jsonSchemaTransform(document);
      const schema = transformed.schema as TransformedSchema | undefined;
      if (schema && !schema.hide) {
        documentOperation(schema, {
          method: [document.route.method].flat()[0] ?? 'GET',
          url: document.url,
          config: (document.route.config ?? {}) as RouteConfig,
          rateLimited: options.rateLimited,
        });
      }
      return transformed;
    },
    transformObject: (documentObject) =>
      documentHeaders(
        addProblemSchema(
          ('openapiObject' in documentObject
            ? documentObject.openapiObject
            : documentObject.swaggerObject) as Record<string, unknown>,
        ),
      ) as never,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { validatorUrl: null, deepLinking: true, displayRequestDuration: true },
  });
}
