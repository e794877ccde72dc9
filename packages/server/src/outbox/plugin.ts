import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OutboxFeed } from './outbox-feed';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's reader of committed outbox events (one LISTEN connection). */
    outbox: OutboxFeed;
  }
}

/**
 * Starts the instance's {@link OutboxFeed} (live updates and the webhook worker consume it) and
 * stops it before the database closes.
 *
 * @example
 * await app.register(outboxPlugin);
 */
export const outboxPlugin: FastifyPluginAsyncZod = fastifyPlugin(
  async (app) => {
    const feed = new OutboxFeed(app.database, app.log);
    await feed.start();
    app.decorate('outbox', feed);
    app.addHook('preClose', async () => {
      await feed.stop();
    });
  },
  { name: 'wsc-outbox' },
);
