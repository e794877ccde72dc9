import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { requireAccess, requirePublishableWriteScope } from './access/guards';
import { ANONYMOUS, carriesCredentials, type Principal, resolvePrincipal } from './access/principal';
import { type AppConfig, resolveConfig, type ServerOptions } from './config';
import { createDatabase, type Database } from './database/create-database';
import { migrate } from './database/migrate';
import type { DatabaseSchema } from './database/schema';
import { embedRoutes } from './embed/embed-routes';
import { defaultFeatures } from './features';
import { answerClientError, answerFrameworkError } from './http/client-error';
import { answerPreflight, applyCorsHeaders, isRegisteredOrigin } from './http/cors';
import { serveDocsFromPageOrigin } from './http/docs-page';
import { installErrorHandling } from './http/error-handler';
import { applyEntityTag } from './http/etag';
import { registerHealthRoutes } from './http/health';
import {
  claimIdempotencyKey,
  fingerprintRequest,
  IDEMPOTENCY_KEY_HEADER,
  purgeExpiredIdempotencyKeys,
  storeIdempotentResponse,
} from './http/idempotency';
import { acceptJsonBodiesOnly } from './http/json-body';
import { loggerOptions, RequestLogController } from './http/logger';
import { registerOpenApi } from './http/openapi';
import { registerRateLimits } from './http/rate-limit';
import { generateRequestId, REQUEST_ID_HEADER } from './http/request-id';
import { securityHeaders } from './http/security-headers';
import { jsonSchemaSerializerCompiler } from './http/serializer';
import { useEnglishValidationMessages } from './http/validation-messages';
import { bootstrapAdmin } from './identity/bootstrap-admin';
import { metricsRoute, observabilityPlugin } from './observability/plugin';
import { rebaseOutboxOrder } from './outbox/outbox-order';
import { seed } from './seeders';

declare module 'fastify' {
  interface FastifyInstance {
    /** Kysely over PGlite or PostgreSQL. */
    db: Kysely<DatabaseSchema>;
    /** The database handle (kind, ping, close). */
    database: Database;
    /** Resolved options. */
    config: AppConfig;
    /** Every route registered and not hidden, `{ method, url }`: what /openapi.json must document. */
    routeInventory: readonly { method: string; url: string }[];
  }
  interface FastifyRequest {
    /** Who is calling; set before any route runs. */
    principal: Principal;
    /**
     * Why the credentials were refused, kept until the rate limit has counted the attempt
     * (the request runs as anonymous until then), so guessing tokens spends the IP's budget.
     */
    principalError: unknown;
  }
}

/** The Fastify instance `createServer` returns: zod schemas type the routes. */
export type WscServer = FastifyInstance & ReturnType<FastifyInstance['withTypeProvider']>;

const IDEMPOTENCY_PURGE_INTERVAL_MILLISECONDS = 3_600_000;

/**
 * Builds the community platform: database (migrated and seeded), identity, partners, HTTP
 * quality (problem+json errors, request ids, idempotency, rate limits, CORS, ETags, security
 * headers), OpenAPI at `/openapi.json`, Swagger UI at `/docs`, and the features handed in
 * (default: `defaultFeatures()`, every feature of the platform, identity and administration included).
 *
 * @example
 * const app = await createServer({ dataDirectory: '.data', rateLimit: 120 });
 * await app.listen({ port: 8787, host: '127.0.0.1' });
 *
 * @example
 * // A host adding a feature of its own after the platform's.
 * const app = await createServer({ features: [...defaultFeatures(), cityReportRoutes] });
 */
export async function createServer(options: ServerOptions = {}) {
  useEnglishValidationMessages();
  const config = resolveConfig(options);
  const ownsDatabase = !options.database;
  const database =
    options.database ??
    (await createDatabase({ url: options.databaseUrl, dataDirectory: options.dataDirectory }));
  try {
    if (options.migrate !== false) {
      await migrate(database.db);
      // After a pg_restore into another cluster the outbox may name transactions not run here yet.
      await rebaseOutboxOrder(database.db);
    }
    if (options.seed !== false) await seed(database.db, options.seeders);
    if (options.admin) await bootstrapAdmin(database.db, options.admin);
    await purgeExpiredIdempotencyKeys(database.db);
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }

  const logController = new RequestLogController({
    requestIdLogLabel: 'requestId',
    disableRequestLogging: config.logLevel === 'silent',
  });
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    genReqId: generateRequestId,
    requestIdHeader: false,
    logController,
    // Fastify accepts a hop count too; its types only list the other forms.
    trustProxy: config.trustProxy as boolean | string,
    bodyLimit: config.bodyLimit,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  logController.attach(app.log);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(jsonSchemaSerializerCompiler);
  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('principalError', null);
  installErrorHandling(app);
  acceptJsonBodiesOnly(app);
  const routeInventory: { method: string; url: string }[] = [];
  app.decorate('routeInventory', routeInventory);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access) {
      // The route's own step runs after the app's preParsing steps below, before the body is read;
      // routes without a rule pay nothing. /openapi.json shows the lock.
      route.preParsing = [
        ...(route.preParsing ? [route.preParsing].flat() : []),
        (request, _reply, payload, done) => {
          requireAccess(request, access);
          done(null, payload);
        },
      ];
    }
    serveDocsFromPageOrigin(route, { publicUrl: config.publicUrl });
    // Hidden routes (the embed files, /openapi.json itself) are not API operations.
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    for (const method of [route.method].flat()) {
      if (!hidden && method !== 'HEAD' && method !== 'OPTIONS')
        routeInventory.push({ method, url: route.url });
    }
  });

  const purgeTimer = setInterval(() => {
    purgeExpiredIdempotencyKeys(database.db).catch((error) =>
      app.log.warn({ err: error }, 'idempotency purge failed'),
    );
  }, IDEMPOTENCY_PURGE_INTERVAL_MILLISECONDS);
  purgeTimer.unref();
  let shutdownGraceTimer: NodeJS.Timeout | undefined;
  app.addHook('onClose', async () => {
    clearInterval(purgeTimer);
    clearTimeout(shutdownGraceTimer);
    if (ownsDatabase) await database.close();
  });

  // Spans and metrics first: their hooks must run before every other one.
  await app.register(observabilityPlugin);

  const pageHeaders = securityHeaders();
  // Who is calling, before the rate limit counts the request. Most requests are anonymous
  // reads: they are settled here without a promise (see the hooks below).
  const identify = async (request: FastifyRequest, reply: FastifyReply) => {
    if (await answerPreflight(database.db, request, reply)) return reply;
    try {
      request.principal = await resolvePrincipal(database.db, request);
    } catch (error) {
      request.principal = ANONYMOUS;
      // Let a partner page read why its credentials were refused.
      const origin = request.headers.origin;
      if (origin && (await isRegisteredOrigin(database.db, origin))) {
        reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
        reply.header('access-control-expose-headers', 'x-request-id, www-authenticate');
      }
      // Thrown in preParsing, after the per-route rate-limit hook counted it against the IP.
      request.principalError = error;
      return undefined;
    }
    applyCorsHeaders(request, reply);
    return undefined;
  };
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.config.securityHeaders !== false) reply.headers(pageHeaders);
    reply.header(REQUEST_ID_HEADER, request.id);
    // Probes never read credentials, so a stray header cannot fail them.
    const reads = request.routeOptions.config.anonymous !== true;
    if (reads && (request.method === 'OPTIONS' || carriesCredentials(request)))
      return identify(request, reply);
    request.principal = ANONYMOUS;
    applyCorsHeaders(request, reply);
    done();
    return undefined;
  });
  // The steps below run on every request and usually have nothing to wait for: written as
  // callbacks (a throw is caught by Fastify), they return a promise only when they do wait,
  // which spares each request a promise and a microtask turn per step.
  app.addHook('preParsing', (request, _reply, payload, done) => {
    if (request.principalError) throw request.principalError;
    // A read-only widget's write is refused as such, before a route's access rule: signing in would not help.
    requirePublishableWriteScope(request);
    done(null, payload);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    fingerprintRequest(request);
    done();
  });
  app.addHook('preHandler', (request, reply, done) => {
    // Without the header there is nothing to claim (claimIdempotencyKey checks the method).
    if (request.headers[IDEMPOTENCY_KEY_HEADER] === undefined) {
      done();
      return undefined;
    }
    return claimIdempotencyKey(database.db, request, reply, config.idempotencyTtlSeconds);
  });
  // During a graceful shutdown, answers close their keep-alive connection so close() can finish;
  // what still runs after the grace period loses its connection, so close() finishes anyway.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.server.closeIdleConnections();
    shutdownGraceTimer = setTimeout(() => app.server.closeAllConnections(), config.shutdownGraceMilliseconds);
    shutdownGraceTimer.unref();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    if (!request.idempotencyClaim) {
      done(null, applyEntityTag(request, reply, payload));
      return undefined;
    }
    return storeIdempotentResponse(database.db, request, reply, payload).then(() =>
      applyEntityTag(request, reply, payload),
    );
  });

  if (config.rateLimit !== false) {
    await registerRateLimits(app, {
      perMinute: config.rateLimit,
      redisUrl: config.redisUrl,
      ipv6Prefix: config.rateLimitIpv6Prefix,
    });
  }
  await registerOpenApi(app, { publicUrl: config.publicUrl, rateLimited: config.rateLimit !== false });

  registerHealthRoutes(app, database);
  await app.register(metricsRoute);
  for (const feature of options.features ?? defaultFeatures()) await app.register(feature);
  await app.register(embedRoutes, { directory: options.embedDirectory });
  return app;
}
