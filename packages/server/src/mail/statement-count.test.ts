import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, databases, type TestServer } from '../test-support';
import { enqueueMail } from './enqueue';
import { MailWorker } from './mail-worker';
import { mailTemplates } from './templates';
import { emailChangedTemplate } from './templates/email-changed';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server';

// The database statements the mail worker spends per mail of a stream (the benchmark's case:
// 200 mails, 64 a round, 16 SMTP connections): every query, plus BEGIN and COMMIT of each
// transaction. Fewer statements per mail is what keeps the queue near a bare nodemailer loop
// on an embedded database, whose statements hold the event loop.
const MAILS = 200;

describe.each(databases())('statements per mail on $kind', ({ kind }) => {
  let app: TestServer;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestServer({
      kind,
      mail: { smtpUrl: smtp.url, from: 'Community <no-reply@mail.example.org>', worker: false },
    });
  });
  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  });

  test(`draining ${MAILS} mails costs at most one statement per 5 mails (it cost 89, 0.445 a mail, with a transaction per recorded group)`, async () => {
    await app.db.transaction().execute(async (trx) => {
      for (let index = 0; index < MAILS; index += 1) {
        await enqueueMail(trx, {
          template: emailChangedTemplate,
          to: { address: `reader${index}@example.org`, language: 'en' },
          data: { displayName: 'Ada', newAddressHint: 'a…@example.org' },
        });
      }
    });
    let queries = 0;
    let transactions = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const counted = app.db.withPlugin(counter);
    const transaction = counted.transaction.bind(counted);
    counted.transaction = () => {
      transactions += 1;
      return transaction();
    };
    const worker = new MailWorker(counted, {
      log: app.log,
      config: app.config.mail,
      templates: mailTemplates,
      publicUrl: app.config.publicUrl,
    });
    try {
      expect(await worker.drain()).toBe(MAILS);
    } finally {
      await worker.stop();
    }
    expect(smtp.received).toHaveLength(MAILS);
    const statements = queries + 2 * transactions;
    console.info(
      `[mail statements] ${kind}: ${statements} statements for ${MAILS} mails (${queries} queries, ${transactions} transactions), ${(statements / MAILS).toFixed(3)} a mail`,
    );
    expect(statements / MAILS).toBeLessThanOrEqual(1 / 5);
  });
});
