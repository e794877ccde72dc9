import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { webhookRoutes } from './routes';
import { WebhookWorker } from './webhook-worker';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends webhook deliveries; runs by itself unless `webhookWorker: false`. */
    webhookWorker: WebhookWorker;
  }
}

/**
 * Partner webhooks: the endpoint routes and the delivery worker (started when the server is
 * ready unless `webhookWorker: false`, woken by outbox batches at most every 100 ms, stopped on
 * close after the attempts in flight are recorded).
 *
 * @example
 * await app.register(webhookPlugin);
 */
export const webhookPlugin: FastifyPluginAsyncZod = fastifyPlugin(
  async (app) => {
    const worker = new WebhookWorker(app.db, {
      log: app.log,
      clock: app.config.clock,
      timeoutMilliseconds: app.config.webhookTimeoutMilliseconds,
      allowPrivate: app.config.webhookAllowPrivate,
    });
    app.decorate('webhookWorker', worker);
    if (app.config.webhookWorker) {
      const unsubscribe = app.outbox.subscribe(() => worker.wakeForEvents());
      app.addHook('onReady', async () => worker.start());
      app.addHook('preClose', async () => {
        unsubscribe();
        await worker.stop();
      });
    }
    await app.register(webhookRoutes);
  },
  { name: 'wsc-webhooks', dependencies: ['wsc-outbox'] },
);
