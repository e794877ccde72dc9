import type { Server } from 'node:http';
import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { createServerMetrics } from './metrics';
import { listenForScrapes, portOf, registerMetricsRoute } from './metrics-endpoint';
import { installTracing } from './tracing';

/** The instance's metrics, when `createServer({ metrics })` asked for them. */
export interface ServerMetrics {
  /** The prom-client registry `GET /metrics` renders: a host may add metrics of its own to it. */
  readonly registry: Registry;
  /** The internal metrics port once the server is ready (null when none is configured). */
  readonly port: number | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Prometheus metrics of this instance; null unless a metrics token or port is configured. */
    metrics: ServerMetrics | null;
  }
}

/**
 * Seeing what the server does: OpenTelemetry spans of every request and SQL statement (no-op
 * until the host registers a tracer provider), and, when a metrics token or port is configured,
 * Prometheus metrics (served on the internal port here, and on the API's port by
 * {@link metricsRoute}). Registered before every other hook, so a request's span covers
 * identification, rate limiting and the SQL they run.
 *
 * @example
 * await app.register(observabilityPlugin);
 */
export const observabilityPlugin: FastifyPluginAsyncZod = fastifyPlugin(
  async (app) => {
    installTracing(app);
    const config = app.config.metrics;
    if (config.token === null && config.port === null) {
      app.decorate('metrics', null);
      return;
    }
    const registry = createServerMetrics(app);
    let internal: Server | null = null;
    app.decorate('metrics', {
      registry,
      get port() {
        return internal ? portOf(internal) : null;
      },
    });
    const port = config.port;
    if (port !== null) {
      app.addHook('onReady', async () => {
        internal = await listenForScrapes(registry, { ...config, port }, (error) =>
          app.log.error({ err: error }, 'metrics scrape failed'),
        );
      });
      app.addHook('onClose', async () => {
        const server = internal;
        if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      });
    }
  },
  { name: 'wsc-observability' },
);

/**
 * `GET /metrics` on the API's own port when a metrics token is configured (see
 * {@link registerMetricsRoute}); registered after the rate limits, which count it.
 *
 * @example
 * await app.register(metricsRoute);
 */
export const metricsRoute: FastifyPluginAsyncZod = async (app) => {
  const token = app.config.metrics.token;
  if (app.metrics && token !== null) registerMetricsRoute(app, app.metrics.registry, token);
};
