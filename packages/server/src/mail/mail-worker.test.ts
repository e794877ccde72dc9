import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, databases, signUp, type TestServer } from '../test-support';
import { enqueueMail } from './enqueue';
import { MailWorker } from './mail-worker';
import { mailTemplates } from './templates';
import { emailChangedTemplate } from './templates/email-changed';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server';

describe.each(databases())('the mail worker on $kind', ({ kind }) => {
  let app: TestServer;
  let smtp: TestSmtpServer;
  // The worker's clock runs with real time, moved forward by `ahead` to reach retries.
  let ahead = 0;
  const now = () => new Date(Date.now() + ahead);
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestServer({
      kind,
      clock: now,
      // Driven by hand (runOnce/drain) with a moved clock.
      mail: { smtpUrl: smtp.url, from: 'Community <no-reply@mail.example.org>', worker: false },
    });
  });
  beforeEach(async () => {
    await app.reset();
    smtp.clear();
    ahead = 0;
  });
  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  });

  const worker = () => app.mailWorker as MailWorker;

  async function queueChangeNotice(address: string, language: 'en' | 'ar' | 'zh' = 'en') {
    return app.db.transaction().execute((trx) =>
      enqueueMail(trx, {
        template: emailChangedTemplate,
        to: { address, language },
        data: { displayName: 'Ada', newAddressHint: 'a…@example.org' },
      }),
    );
  }

  async function row(id: string) {
    return app.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  test('a queued mail is sent once, in its language, with a Message-ID naming the queued mail', async () => {
    const queued = await queueChangeNotice('ada@example.org', 'zh');
    expect(queued).not.toBeNull();
    expect(await worker().drain()).toBe(1);
    expect(await worker().drain()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toBe('ada@example.org');
    expect(mail.parsed.subject).toBe('您的电子邮件地址已更改');
    expect(mail.parsed.messageId).toBe(`<${queued!.id}@mail.example.org>`);
    expect(mail.parsed.html).toContain('lang="zh"');
    expect(mail.parsed.text).toContain('a…@example.org');
    const stored = await row(queued!.id);
    expect(stored.status).toBe('sent');
    expect(stored.attempts).toBe(1);
    expect(stored.last_smtp_code).toBe(250);
    expect(stored.message_id).toBe(mail.parsed.messageId);
  });

  test('a rolled-back transaction queues nothing', async () => {
    await expect(
      app.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, {
          template: emailChangedTemplate,
          to: { address: 'gone@example.org', language: 'en' },
          data: { displayName: 'Ada', newAddressHint: 'x' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await worker().drain()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  test("a member's mail takes their address and language from the account", async () => {
    const member = await signUp(app, { displayName: 'Layla' });
    await app.db.updateTable('accounts').set({ language: 'ar' }).where('id', '=', member.accountId).execute();
    await app.db.deleteFrom('mail_outbox').execute();
    const queued = await app.db.transaction().execute((trx) =>
      enqueueMail(trx, {
        template: emailChangedTemplate,
        to: { accountId: member.accountId },
        data: { displayName: 'Layla', newAddressHint: 'l…@example.org' },
      }),
    );
    await worker().drain();
    expect(smtp.received.map((mail) => mail.to)).toEqual([member.email]);
    const mail = smtp.received[0]!.parsed;
    expect(mail.subject).toBe('تم تغيير عنوان بريدك الإلكتروني');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('lang="ar"');
    expect((await row(queued!.id)).language).toBe('ar');
  });

  test('a deleted account gets nothing', async () => {
    const member = await signUp(app);
    await app.db
      .updateTable('accounts')
      .set({ deleted_at: new Date() })
      .where('id', '=', member.accountId)
      .execute();
    const queued = await app.db.transaction().execute((trx) =>
      enqueueMail(trx, {
        template: emailChangedTemplate,
        to: { accountId: member.accountId },
        data: { displayName: 'x', newAddressHint: 'x' },
      }),
    );
    expect(queued).toBeNull();
  });

  test('451 then 250: retried after the backoff, received once, with the same Message-ID', async () => {
    smtp.respond = (_address, offers) => (offers === 0 ? 451 : null);
    const queued = await queueChangeNotice('greylisted@example.org');
    await worker().drain();
    let stored = await row(queued!.id);
    expect(stored.status).toBe('pending');
    expect(stored.attempts).toBe(1);
    expect(stored.last_smtp_code).toBe(451);
    const firstMessageId = stored.message_id;
    expect(firstMessageId).toBe(`<${queued!.id}@mail.example.org>`);
    // Not before the backoff.
    expect(await worker().drain()).toBe(0);
    ahead = 6_000;
    expect(await worker().drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.parsed.messageId).toBe(firstMessageId);
    stored = await row(queued!.id);
    expect(stored.status).toBe('sent');
    expect(stored.attempts).toBe(2);
    const attempts = await app.db
      .selectFrom('mail_attempts')
      .select(['outcome', 'smtp_code', 'smtp_answer'])
      .where('mail_id', '=', queued!.id)
      .orderBy('id')
      .execute();
    expect(attempts.map((attempt) => [attempt.outcome, attempt.smtp_code])).toEqual([
      ['retry', 451],
      ['sent', 250],
    ]);
    // The log holds the server's answers, never the address.
    for (const attempt of attempts) expect(attempt.smtp_answer ?? '').not.toContain('greylisted@');
  });

  test('550 marks the address undeliverable and nothing more is sent to it, until confirmed', async () => {
    smtp.respond = (address) => (address === 'bounce@example.org' ? 550 : null);
    const first = await queueChangeNotice('bounce@example.org');
    await worker().drain();
    expect((await row(first!.id)).status).toBe('failed');
    const marked = await app.db
      .selectFrom('mail_undeliverable_addresses')
      .selectAll()
      .where('address_normalized', '=', 'bounce@example.org')
      .executeTakeFirst();
    expect(marked?.smtp_code).toBe(550);
    smtp.respond = () => null;
    const second = await queueChangeNotice('Bounce@Example.org');
    const other = await queueChangeNotice('fine@example.org');
    await worker().drain();
    expect((await row(second!.id)).status).toBe('suppressed');
    expect((await row(other!.id)).status).toBe('sent');
    expect(smtp.offers.filter((address) => address.toLowerCase() === 'bounce@example.org')).toHaveLength(1);
    expect(smtp.received.map((mail) => mail.to)).toEqual(['fine@example.org']);
  });

  test('two workers on one database send each of 40 mails once', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      const queued = await queueChangeNotice(`many${index}@example.org`);
      ids.push(queued!.id);
    }
    const second = new MailWorker(app.db, {
      log: app.log,
      config: { ...app.config.mail, batchSize: 4 },
      templates: mailTemplates,
      publicUrl: app.config.publicUrl,
      clock: now,
    });
    try {
      await Promise.all([worker().drain(), second.drain(), worker().drain(), second.drain()]);
    } finally {
      await second.stop();
    }
    expect(smtp.received).toHaveLength(40);
    expect(new Set(smtp.received.map((mail) => mail.parsed.messageId)).size).toBe(40);
    const statuses = await app.db.selectFrom('mail_outbox').select('status').where('id', 'in', ids).execute();
    expect(statuses.every((stored) => stored.status === 'sent')).toBe(true);
  });
});
