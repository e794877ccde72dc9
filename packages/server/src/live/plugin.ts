import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LiveHub } from './live-hub';
import { liveRoutes } from './routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Open live-update streams of this instance. */
    live: LiveHub;
  }
}

/**
 * Live updates: the hub fed by the outbox and `GET /v1/stream`. Streams are ended when the
 * server closes (clients reconnect elsewhere with Last-Event-ID).
 *
 * @example
 * await app.register(livePlugin);
 */
export const livePlugin: FastifyPluginAsyncZod = fastifyPlugin(
  async (app) => {
    const hub = new LiveHub(app.db, app.outbox, {
      heartbeatMilliseconds: app.config.liveHeartbeatMilliseconds,
      credentialCheckMilliseconds: app.config.liveCredentialCheckMilliseconds,
      clock: app.config.clock,
      onCheckError: (error) =>
        app.log.warn({ err: error }, 'live stream credential check failed; streams kept until the next'),
    });
    app.decorate('live', hub);
    app.addHook('preClose', async () => hub.closeAll());
    await app.register(liveRoutes);
  },
  { name: 'wsc-live', dependencies: ['wsc-outbox'] },
);
