import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { domainError } from '../errors/domain-error';
import type { MetricsConfig } from './metrics-config';

const CHALLENGE = 'Bearer realm="metrics"';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Whether an `Authorization` header carries the metrics token, compared in constant time
 * (digests of equal length, so the token's length does not leak either).
 *
 * @example
 * carriesMetricsToken('Bearer s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret'); // true
 */
export function carriesMetricsToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * The exposition text of `registry`. prom-client writes a missing value as `Nan` (the event-loop
 * lag before its first sample); the format spells it `NaN`, and strict parsers refuse the rest.
 *
 * @example
 * const text = await renderMetrics(registry);
 */
export async function renderMetrics(registry: Registry): Promise<string> {
  return (await registry.metrics()).replace(/ Nan$/gm, ' NaN');
}

/**
 * `GET /metrics` on the API's own port, registered only when a token is configured: 401
 * `invalid-credentials` without it. Not an API operation (no OpenAPI entry, no credentials
 * read as a member's), but rate-limited like any anonymous request.
 *
 * @example
 * registerMetricsRoute(app, registry, 'a-long-random-token');
 */
export function registerMetricsRoute(app: FastifyInstance, registry: Registry, token: string): void {
  app.get('/metrics', { config: { anonymous: true }, schema: { hide: true } }, async (request, reply) => {
    if (!carriesMetricsToken(request.headers.authorization, token)) {
      throw domainError('invalid-credentials', {
        detail: 'GET /metrics needs the operator token: Authorization: Bearer <WSC_METRICS_TOKEN>.',
        headers: { 'www-authenticate': CHALLENGE },
      });
    }
    const text = await renderMetrics(registry);
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(text);
  });
}

/**
 * Opens the internal metrics port: `GET /metrics` (with the token when one is set), 404 for
 * anything else. Resolves to the server once it listens.
 *
 * @example
 * const server = await listenForScrapes(registry, { token: null, port: 9464, host: '127.0.0.1' });
 */
export async function listenForScrapes(
  registry: Registry,
  config: MetricsConfig & { port: number },
  onError: (error: unknown) => void,
): Promise<Server> {
  const server = createHttpServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (config.token && !carriesMetricsToken(request.headers.authorization, config.token)) {
      response
        .writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': CHALLENGE })
        .end('Unauthorized\n');
      return;
    }
    renderMetrics(registry).then(
      (text) => {
        response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        onError(error);
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** The port the internal metrics server listens on. */
export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
