import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changesPainPointPages, FirstPageCache } from './first-page-cache';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's cache of anonymous first pages of `GET /v1/pain-points`. */
    painPointPages: FirstPageCache;
  }
}

/**
 * Creates the instance's {@link FirstPageCache} and empties it whenever the outbox feed delivers
 * a change to pain points (their votes, comments and mappings included). The feed delivers every
 * committed event to every instance (LISTEN/NOTIFY), so a write anywhere invalidates everywhere;
 * the TTL (`firstPageCacheMilliseconds`) bounds the staleness if a notification is missed.
 *
 * @example
 * await app.register(outboxPlugin);
 * await app.register(firstPageCachePlugin);
 */
export const firstPageCachePlugin: FastifyPluginAsyncZod = fastifyPlugin(
  async (app) => {
    const cache = new FirstPageCache({ ttlMilliseconds: app.config.firstPageCacheMilliseconds });
    app.decorate('painPointPages', cache);
    const unsubscribe = app.outbox.subscribe((rows) => {
      if (rows.some((row) => changesPainPointPages(row.type))) cache.invalidate();
    });
    app.addHook('onClose', async () => {
      unsubscribe();
    });
  },
  { name: 'wsc-first-page-cache', dependencies: ['wsc-outbox'] },
);
