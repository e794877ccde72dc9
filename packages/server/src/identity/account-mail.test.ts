import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { MailWorker } from '../mail/mail-worker';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server';
import { createTestServer, databases, signUp, type TestServer } from '../test-support';

const PUBLIC_URL = 'https://community.example.org';

function tokenOf(text: string | undefined): string {
  const match = /#token=([^\s]+)/.exec(text ?? '');
  if (!match?.[1]) throw new Error('no link with a token in the mail');
  return decodeURIComponent(match[1]);
}

describe.each(databases())('confirmation and password reset by mail on $kind', ({ kind }) => {
  let app: TestServer;
  let smtp: TestSmtpServer;
  let ahead = 0;
  const logLines: string[] = [];
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestServer({
      kind,
      publicUrl: PUBLIC_URL,
      clock: () => new Date(Date.now() + ahead),
      logLevel: 'info',
      logStream: new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
      mail: { smtpUrl: smtp.url, worker: false },
    });
  });
  beforeEach(async () => {
    await app.reset();
    smtp.clear();
    ahead = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  });

  const worker = () => app.mailWorker as MailWorker;
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers });

  test("sign-up sends exactly one confirmation, in the member's language; its link confirms the address once", async () => {
    const signup = await post('/v1/auth/signup', {
      email: 'Claire@Example.org',
      password: 'correct horse battery staple',
      displayName: 'Claire',
      role: 'urban-planner',
      language: 'fr',
    });
    expect(signup.statusCode, signup.body).toBe(201);
    const session = signup.json() as { token: string; accountId: string };
    await worker().drain();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to.toLowerCase()).toBe('claire@example.org');
    expect(mail.parsed.subject).toBe('Confirmez votre adresse e-mail');
    expect(mail.parsed.html).toContain('lang="fr"');
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/account/confirm-email?lang=fr#token=`);
    const token = tokenOf(mail.parsed.text);

    const me = () =>
      app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${session.token}` } });
    expect((await me()).json().account.emailConfirmedAt).toBeNull();
    const confirmed = await post('/v1/auth/email-confirmations/complete', { token });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().accountId).toBe(session.accountId);
    expect((await me()).json().account.emailConfirmedAt).toBe(confirmed.json().emailConfirmedAt);

    const again = await post('/v1/auth/email-confirmations/complete', { token });
    expect(again.statusCode).toBe(422);
    expect(again.json().type).toMatch(/mail-token-invalid$/);
    expect(again.json().errors[0].path).toBe('token');
    // Confirmed: asking for another mail is refused, and none is sent.
    const resend = await post('/v1/auth/email-confirmations', undefined, {
      authorization: `Bearer ${session.token}`,
    });
    expect(resend.statusCode).toBe(409);
    await worker().drain();
    expect(smtp.received).toHaveLength(1);
  });

  test("links are built from the public URL, never from the request's Host", async () => {
    const signup = await post(
      '/v1/auth/signup',
      {
        email: 'host@example.org',
        password: 'correct horse battery staple',
        displayName: 'H',
        role: 'designer',
      },
      { host: 'attacker.example', 'x-forwarded-host': 'attacker.example' },
    );
    expect(signup.statusCode).toBe(201);
    await post('/v1/auth/password-resets', { email: 'host@example.org' }, { host: 'attacker.example' });
    await worker().drain();
    expect(smtp.received).toHaveLength(2);
    for (const mail of smtp.received) {
      expect(mail.raw).not.toContain('attacker.example');
      expect(mail.parsed.text).toContain(PUBLIC_URL);
    }
  });

  test("an Arabic member's confirmation is Arabic and right to left", async () => {
    await post('/v1/auth/signup', {
      email: 'layla@example.org',
      password: 'correct horse battery staple',
      displayName: 'ليلى',
      role: 'city-leader',
      language: 'ar',
    });
    await worker().drain();
    const mail = smtp.received[0]!.parsed;
    expect(mail.subject).toBe('أكّد عنوان بريدك الإلكتروني');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.text).toContain('مرحبًا ليلى');
  });

  test('a reset for an unknown address answers like a known one and sends nothing', async () => {
    const member = await signUp(app, { email: 'known@example.org' });
    await worker().drain();
    smtp.clear();
    const unknown = await post('/v1/auth/password-resets', { email: 'nobody@example.org' });
    const known = await post('/v1/auth/password-resets', { email: 'KNOWN@example.org' });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    await worker().drain();
    expect(smtp.received.map((mail) => mail.to)).toEqual([member.email]);
    const queued = await app.db.selectFrom('mail_outbox').select('address').execute();
    expect(queued.some((row) => row.address.includes('nobody'))).toBe(false);
  });

  test('a reset token sets the password once, ends every session, and an expired one is refused', async () => {
    const member = await signUp(app, { email: 'reset@example.org' });
    const otherSession = await post('/v1/auth/login', { email: member.email, password: member.password });
    expect(otherSession.statusCode).toBe(200);
    await post('/v1/auth/password-resets', { email: member.email });
    await worker().drain();
    const resetMail = smtp.received.find((mail) => mail.parsed.subject === 'Reset your password');
    const token = tokenOf(resetMail?.parsed.text);
    expect(resetMail?.parsed.text).toContain(`${PUBLIC_URL}/account/reset-password?lang=en#token=`);

    const weak = await post('/v1/auth/password-resets/complete', { token, password: 'short' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].path).toBe('password');

    const done = await post('/v1/auth/password-resets/complete', {
      token,
      password: 'a brand new passphrase',
    });
    expect(done.statusCode, done.body).toBe(200);
    const fresh = done.json() as { token: string; accountId: string };
    expect(fresh.accountId).toBe(member.accountId);
    for (const old of [member.token, otherSession.json().token as string]) {
      const me = await app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${old}` },
      });
      expect(me.statusCode).toBe(401);
    }
    const me = await app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${fresh.token}` },
    });
    expect(me.statusCode).toBe(200);
    // The mail reached the address: it is confirmed.
    expect(me.json().account.emailConfirmedAt).not.toBeNull();
    expect(
      (await post('/v1/auth/login', { email: member.email, password: member.password })).statusCode,
    ).toBe(401);
    expect(
      (await post('/v1/auth/login', { email: member.email, password: 'a brand new passphrase' })).statusCode,
    ).toBe(200);

    const reused = await post('/v1/auth/password-resets/complete', {
      token,
      password: 'another new passphrase',
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().type).toMatch(/mail-token-invalid$/);

    smtp.clear();
    await post('/v1/auth/password-resets', { email: member.email });
    await worker().drain();
    const late = tokenOf(smtp.received[0]?.parsed.text);
    ahead = 61 * 60_000;
    const expired = await post('/v1/auth/password-resets/complete', {
      token: late,
      password: 'too late passphrase',
    });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().errors[0].path).toBe('token');
    // Stored hashed: the token itself is nowhere in the database.
    const stored = await app.db.selectFrom('account_mail_tokens').select('token_hash').execute();
    expect(stored.some((row) => row.token_hash === late)).toBe(false);
    const mails = await app.db.selectFrom('mail_outbox').select(['status', 'secrets']).execute();
    expect(mails.every((row) => row.status === 'sent' && row.secrets === null)).toBe(true);
  });

  test('two requests with one reset token: exactly one sets the password', async () => {
    const member = await signUp(app, { email: 'race@example.org' });
    await post('/v1/auth/password-resets', { email: member.email });
    await worker().drain();
    const token = tokenOf(
      smtp.received.find((mail) => mail.parsed.subject === 'Reset your password')?.parsed.text,
    );
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        post('/v1/auth/password-resets/complete', { token, password: `concurrent passphrase ${index}` }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 422, 422, 422, 422]);
  });

  test('an address change confirms the new address and tells the old one; old links confirm nothing', async () => {
    const member = await signUp(app, { email: 'old@example.org' });
    await worker().drain();
    const oldToken = tokenOf(smtp.received[0]?.parsed.text);
    smtp.clear();
    const changed = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: member.headers,
      payload: { email: 'new.address@example.org', currentPassword: member.password },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().account.email).toBe('new.address@example.org');
    expect(changed.json().account.emailConfirmedAt).toBeNull();
    await worker().drain();
    const byAddress = new Map(smtp.received.map((mail) => [mail.to, mail.parsed]));
    expect(byAddress.get('old@example.org')?.subject).toBe('Your e-mail address was changed');
    expect(byAddress.get('old@example.org')?.text).toContain('n…@example.org');
    expect(byAddress.get('old@example.org')?.text).not.toContain('new.address@');
    expect(byAddress.get('new.address@example.org')?.subject).toBe('Confirm your e-mail address');
    const stale = await post('/v1/auth/email-confirmations/complete', { token: oldToken });
    expect(stale.statusCode).toBe(422);
    const fresh = await post('/v1/auth/email-confirmations/complete', {
      token: tokenOf(byAddress.get('new.address@example.org')?.text),
    });
    expect(fresh.statusCode).toBe(200);

    const other = await signUp(app, { email: 'other@example.org' });
    const taken = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: other.headers,
      payload: { email: 'NEW.address@example.org', currentPassword: other.password },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe('email');
  });

  test('requests for mail are limited per address, whether or not it is known', async () => {
    // Requests are counted per clock hour: the test's clock (Date only) stands ten minutes into
    // the current hour, so a run at 22:59:59 does not count its last request in the next hour.
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    vi.useFakeTimers({ toFake: ['Date'], now: hour + 600_000 });
    for (const email of ['limited@example.org', 'unknown-limited@example.org']) {
      const answers = [];
      for (let index = 0; index < 6; index += 1)
        answers.push(await post('/v1/auth/password-resets', { email }));
      expect(answers.map((answer) => answer.statusCode)).toEqual([202, 202, 202, 202, 202, 429]);
      expect(answers[5]!.headers['retry-after']).toBeDefined();
    }
  });

  test('no token and no address in the logs', async () => {
    logLines.length = 0;
    const member = await signUp(app, { email: 'quiet.member@example.org' });
    await post('/v1/auth/password-resets', { email: member.email });
    await worker().drain();
    const tokens = smtp.received.map((mail) => tokenOf(mail.parsed.text));
    await post('/v1/auth/email-confirmations/complete', { token: tokens[0] });
    const log = logLines.join('');
    expect(log).toContain('mail sent');
    expect(log).not.toContain('quiet.member');
    for (const token of tokens) expect(log).not.toContain(token);
  });
});
