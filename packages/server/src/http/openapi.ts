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
  '409': 'Conflict with the current state, or an Idempotency-Key still in use',
  '413': 'Request body too large',
  '422': 'Validation failed (see errors[]) or Idempotency-Key reused with another body',
  '429': 'Rate limit reached (see Retry-After)',
  '500': 'Server error',
};

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
      const schema = transformed.schema as { response?: Record<string, unknown>; hide?: boolean };
      if (schema && !schema.hide) {
        schema.response ??= {};
        for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
          schema.response[status] ??= {
            description,
            content: { 'application/problem+json': { schema: problemJsonSchema } },
          };
        }
      }
      return transformed;
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { validatorUrl: null, deepLinking: true, displayRequestDuration: true },
  });
}
