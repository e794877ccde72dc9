import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { confirmAddresses, errorPaths, postPainPoint, quickMember } from '../community/fixtures';
import { createTestServer, databases, type TestServer } from '../test-support';
import type { MailWorker } from './mail-worker';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server';

type Member = Awaited<ReturnType<typeof quickMember>>;

/** A header as sent (mailparser turns List-* headers into objects): unfolded, name removed. */
function rawHeader(
  mail: { parsed: { headerLines: readonly { key: string; line: string }[] } },
  name: string,
): string {
  const line = mail.parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line ?? '';
  return line
    .replace(/\r?\n[ \t]+/g, ' ')
    .slice(name.length + 1)
    .trim();
}

// Moderation notices, preferences and the RFC 8058 one-click unsubscribe, through the real
// routes, outbox, worker and an SMTP server in this process.
describe.each(databases())('optional mail on $kind', ({ kind }) => {
  let app: TestServer;
  let origin: string;
  let smtp: TestSmtpServer;
  let author: Member;
  let moderator: Member;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestServer({
      kind,
      publicUrl: 'https://community.example.org',
      mail: { smtpUrl: smtp.url, from: 'Community <no-reply@mail.example.org>', worker: false },
    });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  beforeEach(async () => {
    await app.reset();
    smtp.clear();
    author = await quickMember(app);
    moderator = await quickMember(app, ['moderator']);
  });
  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  });

  const worker = () => app.mailWorker as MailWorker;
  const comment = async (body: string) => {
    const painPoint = await postPainPoint(app, author.headers, {
      title: { en: 'Flooded underpasses', ru: 'Затопленные подземные переходы' },
    });
    const response = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPoint.id}/comments`,
      headers: author.headers,
      payload: { body },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string };
  };
  const hide = (id: string, reason?: string) =>
    app.inject({
      method: 'POST',
      url: `/v1/comments/${id}/hide`,
      headers: moderator.headers,
      payload: reason ? { reason } : {},
    });
  const hiddenNotices = () =>
    app.db.selectFrom('mail_outbox').select('account_id').where('template', '=', 'comment-hidden').execute();

  test('a moderator’s hide tells the author, with the reason, in their language, with one-click unsubscribe', async () => {
    await app.db.updateTable('accounts').set({ language: 'ru' }).where('id', '=', author.accountId).execute();
    const created = await comment('Call the mayor on +41 22 000 00 00');
    expect((await hide(created.id, 'Личные данные')).statusCode).toBe(200);
    // Hiding it again tells nobody twice.
    expect((await hide(created.id, 'Again')).statusCode).toBe(200);
    await worker().drain();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!.parsed;
    expect(mail.subject).toBe('Модератор скрыл ваш комментарий');
    expect(mail.text).toContain('Затопленные подземные переходы');
    expect(mail.text).toContain('Причина, указанная модератором: Личные данные');
    expect(mail.text).toContain('Call the mayor');
    const link = rawHeader(smtp.received[0]!, 'List-Unsubscribe');
    expect(link).toMatch(/^<https:\/\/community\.example\.org\/v1\/unsubscribe\?token=[^>]+>$/);
    expect(rawHeader(smtp.received[0]!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // The token stays out of the stored record once sent.
    const stored = await app.db
      .selectFrom('mail_outbox')
      .select(['secrets', 'data'])
      .executeTakeFirstOrThrow();
    expect(stored.secrets).toBeNull();
    expect(JSON.stringify(stored.data)).not.toContain('token');

    // One click, as a mail program does it: POST to the link, form-encoded, no sign-in.
    const url = new URL(link.slice(1, -1));
    const clicked = await fetch(`${origin}${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.json()).toEqual({ kind: 'moderation', unsubscribed: true });
    const preferences = await app.inject({ url: '/v1/me/notification-preferences', headers: author.headers });
    expect(preferences.json()).toMatchObject({ moderation: false, digest: false });
    // Turned off: the next hide queues nothing.
    const second = await comment('Another one');
    expect((await hide(second.id, 'Spam')).statusCode).toBe(200);
    expect(await hiddenNotices()).toHaveLength(1);
  });

  test('the automatic hide by reports tells nobody; a moderator confirming it does, once', async () => {
    const created = await comment('Buy cheap sensors');
    // Reports hide a comment only from independent sources: community accounts with confirmed addresses.
    const reporters = [await quickMember(app), await quickMember(app), await quickMember(app)];
    await confirmAddresses(
      app,
      reporters.map((reporter) => reporter.accountId),
    );
    for (const reporter of reporters) {
      const reported = await app.inject({
        method: 'POST',
        url: `/v1/comments/${created.id}/reports`,
        headers: reporter.headers,
        payload: { reason: 'spam' },
      });
      expect(reported.statusCode).toBe(201);
    }
    const row = await app.db
      .selectFrom('comments')
      .select(['hidden', 'hidden_reason'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ hidden: true, hidden_reason: 'reports' });
    expect(await hiddenNotices()).toHaveLength(0);
    expect((await hide(created.id)).statusCode).toBe(200);
    expect((await hide(created.id)).statusCode).toBe(200);
    expect(await hiddenNotices()).toHaveLength(1);
    await worker().drain();
    expect(smtp.received[0]!.parsed.text).toContain('The moderator gave no reason.');
  });

  test('a forged, altered or missing token is refused (422 naming token) and changes nothing', async () => {
    const created = await comment('x');
    await hide(created.id, 'r');
    await worker().drain();
    const link = rawHeader(smtp.received[0]!, 'List-Unsubscribe').slice(1, -1);
    const token = new URL(link).searchParams.get('token')!;
    const [payload, signature] = token.split('.') as [string, string];
    const otherPayload = Buffer.from(JSON.stringify({ a: moderator.accountId, k: 'moderation' })).toString(
      'base64url',
    );
    for (const bad of [
      `${otherPayload}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      'nonsense',
      `${payload}`,
    ]) {
      const response = await app.inject({ method: 'POST', url: '/v1/unsubscribe', payload: { token: bad } });
      expect(response.statusCode, bad).toBe(422);
      expect(errorPaths(response.body)).toEqual(['token']);
    }
    const none = await app.inject({ method: 'POST', url: '/v1/unsubscribe', payload: {} });
    expect(none.statusCode).toBe(422);
    expect(errorPaths(none.body)).toEqual(['token']);
    const preferences = await app.inject({
      url: '/v1/me/notification-preferences',
      headers: moderator.headers,
    });
    expect(preferences.json()).toMatchObject({ moderation: true });
    // The JSON form of the same token works.
    const json = await app.inject({ method: 'POST', url: '/v1/unsubscribe', payload: { token } });
    expect(json.statusCode).toBe(200);
  });

  test('preferences: defaults, a change, refused fields named, signed-out refused', async () => {
    const read = await app.inject({ url: '/v1/me/notification-preferences', headers: author.headers });
    expect(read.json()).toEqual({
      moderation: true,
      digest: false,
      digestDomains: [],
      alwaysSent: ['account', 'registration', 'event-change'],
      partnerInformsYou: false,
    });
    const patch = (payload: unknown, headers: Record<string, string> = author.headers) =>
      app.inject({
        method: 'PATCH',
        url: '/v1/me/notification-preferences',
        headers,
        payload: payload as object,
      });
    const changed = await patch({ digest: true, digestDomains: ['water', 'mobility', 'water'] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      digest: true,
      moderation: true,
      digestDomains: ['mobility', 'water'],
    });
    const bad = await patch({ digestDomains: ['weather-control'] });
    expect(bad.statusCode).toBe(422);
    expect(errorPaths(bad.body)).toEqual(['digestDomains.0']);
    const notBoolean = await patch({ moderation: 'no' });
    expect(notBoolean.statusCode).toBe(422);
    expect(errorPaths(notBoolean.body)).toEqual(['moderation']);
    expect((await patch({})).statusCode).toBe(422);
    expect((await patch({ digest: false }, {})).statusCode).toBe(401);
    const after = await app.inject({ url: '/v1/me/notification-preferences', headers: author.headers });
    expect(after.json()).toMatchObject({ digest: true, digestDomains: ['mobility', 'water'] });
  });
});
