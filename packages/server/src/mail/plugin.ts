import fastifyPlugin from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MailWorker } from './mail-worker';
import { mailTemplates } from './templates';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Sends queued mail; null when no SMTP server is configured. Runs by itself unless
     * `mail.worker` is false (tests then call `runOnce`/`drain`).
     */
    mailWorker: MailWorker | null;
  }
}

/**
 * Outbound mail: the worker (started when the server is ready if an SMTP URL is configured,
 * woken after every commit that queued mail in this process, stopped on close after the
 * attempts in flight are recorded).
 *
 * @example
 * await app.register(mailPlugin);
 */
export const mailPlugin: FastifyPluginAsyncZod = fastifyPlugin(
  async (app) => {
    const config = app.config.mail;
    const worker = config.smtpUrl
      ? new MailWorker(app.db, {
          log: app.log,
          config,
          templates: mailTemplates,
          publicUrl: app.config.publicUrl,
          clock: app.config.clock,
        })
      : null;
    app.decorate('mailWorker', worker);
    if (!worker) return;
    const unsubscribe = config.worker ? app.database.onOutboxCommit(() => worker.wake()) : () => {};
    if (config.worker) app.addHook('onReady', async () => worker.start());
    app.addHook('preClose', async () => {
      unsubscribe();
      await worker.stop();
    });
  },
  { name: 'wsc-mail' },
);
