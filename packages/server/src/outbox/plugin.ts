import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OutboxFeed } from './outbox-feed';
import { purgeOutbox } from './retention';

const PURGE_INTERVAL_MILLISECONDS = 3_600_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's reader of committed outbox events (one LISTEN connection). */
    outbox: OutboxFeed;
  }
}

/**
 * Starts the instance's {@link OutboxFeed} (live updates and the webhook worker consume it),
 * purges events and finished deliveries older than 30 days every hour, and stops both before
 * the database closes.
 *
 * @example
 * await app.register(outboxPlugin);
 */
export const outboxPlugin: FastifyPluginAsyncZod = fastifyPlugin(
  async (app) => {
    const feed = new OutboxFeed(app.database, app.log);
    await feed.start();
    app.decorate('outbox', feed);
    const purgeTimer = setInterval(() => {
      purgeOutbox(app.db, app.config.clock()).catch((error) =>
        app.log.warn({ err: error }, 'outbox purge failed'),
      );
    }, PURGE_INTERVAL_MILLISECONDS);
    purgeTimer.unref();
    app.addHook('preClose', async () => {
      clearInterval(purgeTimer);
      await feed.stop();
    });
  },
  { name: 'wsc-outbox' },
);
