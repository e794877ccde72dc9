import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { queueWeeklyDigests } from './digest';

/** How often an instance looks for members still owed this week's digest. */
const DIGEST_LOOK_MILLISECONDS = 60 * 60 * 1000;

/**
 * The weekly digest job: every instance that runs the mail worker looks once an hour (and at
 * start) for members owed this week's digest and queues it. Looks on several instances at once
 * are safe: each member's week is claimed once in the database (`mail/digest.ts`).
 *
 * @example
 * await app.register(digestPlugin);
 */
export const digestPlugin: FastifyPluginAsyncZod = fastifyPlugin(
  async (app) => {
    if (!app.mailWorker || !app.config.mail.worker) return;
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<unknown> = Promise.resolve();
    const look = () => {
      running = queueWeeklyDigests(app.db, app.config.clock()).then(
        (queued) => {
          if (queued > 0) app.log.info({ queued }, 'weekly digests queued');
        },
        (error: unknown) => app.log.error({ err: error }, 'queueing weekly digests failed'),
      );
    };
    app.addHook('onReady', async () => {
      look();
      timer = setInterval(look, DIGEST_LOOK_MILLISECONDS);
      timer.unref();
    });
    app.addHook('preClose', async () => {
      if (timer) clearInterval(timer);
      await running;
    });
  },
  { name: 'wsc-mail-digest', dependencies: ['wsc-mail'] },
);
