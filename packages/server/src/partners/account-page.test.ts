import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { hashPassword } from '../identity/password';
import type { MailWorker } from '../mail/mail-worker';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server';
import {
  createPartner,
  createTestServer,
  databases,
  signUp,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support';

const PUBLIC_URL = 'https://community.example.org';
const PASSWORD = 'correct horse battery staple';

// A partner's account page: who may set it and where it may point, and where the confirmation
// and password-reset mail of the partner's members leads (decided when the mail is queued).
describe.each(databases())('partner account page on $kind', ({ kind }) => {
  let app: TestServer;
  let smtp: TestSmtpServer;
  let partner: TestPartner;
  let page: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestServer({ kind, publicUrl: PUBLIC_URL, mail: { smtpUrl: smtp.url, worker: false } });
  });
  beforeEach(async () => {
    await app.reset();
    smtp.clear();
    partner = await createPartner(app, { origin: 'https://www.iec.example' });
    page = `${partner.origin}/community?tab=account`;
  });
  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  });

  const worker = () => app.mailWorker as MailWorker;
  const setPage = (secretKey: string, url: unknown) =>
    app.inject({
      method: 'PUT',
      url: '/v1/partners/me/account-page',
      headers: { authorization: `Bearer ${secretKey}` },
      payload: { url },
    });
  const askReset = (email: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/password-resets', payload: { email } });
  /** The link of the one mail received since the last clear. */
  const sentLink = async () => {
    await worker().drain();
    expect(smtp.received).toHaveLength(1);
    const text = smtp.received[0]?.parsed.text ?? '';
    smtp.clear();
    const link = /(https?:\/\/\S+#\S+)/.exec(text)?.[1];
    if (!link) throw new Error(`no link in the mail: ${text}`);
    return link;
  };
  /** An admin, whose own confirmation mail is sent and forgotten. */
  const quietAdmin = async () => {
    const admin = await signUp(app, { roles: ['admin'] });
    await worker().drain();
    smtp.clear();
    return admin;
  };
  /** An SSO member who also has a community password (so password resets reach them). */
  const ssoMemberWithPassword = async (externalUserId: string) => {
    const member = await ssoSignIn(app, partner, { externalUserId });
    const email = `${externalUserId}@partner.example.org`;
    await app.db
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(PASSWORD), email_normalized: email })
      .where('id', '=', member.stakeholderId)
      .execute();
    return { ...member, email };
  };

  test('only a key granted mail-policy sets it, on one of its publishable keys’ origins; audited; shown to admins', async () => {
    const ungranted = await createPartner(app, { origin: 'https://ungranted.example', scopes: ['sso'] });
    const refused = await setPage(ungranted.secretKey, 'https://ungranted.example/');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ detail: expect.stringContaining('mail-policy') });
    expect((await setPage('', page)).statusCode).toBe(401);

    const other = await createPartner(app, { origin: 'https://www.iso.example' });
    for (const url of [
      'https://www.iso.example/community', // another partner's site
      'https://evil.example/', // nobody's
      'http://www.iec.example/community', // the right site, without TLS
      'https://user:secret@www.iec.example/community',
      'www.iec.example/community',
      'javascript:alert(1)',
    ]) {
      const answer = await setPage(partner.secretKey, url);
      expect(answer.statusCode, url).toBe(422);
      expect(answer.json().errors[0].path, url).toBe('url');
    }
    expect((await setPage(other.secretKey, page)).statusCode).toBe(422);

    const set = await setPage(partner.secretKey, page);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ id: partner.id, accountPageUrl: page });
    const admin = await signUp(app, { roles: ['admin'] });
    const viewed = await app.inject({ url: `/v1/partners/${partner.id}`, headers: admin.headers });
    expect(viewed.json()).toMatchObject({ accountPageUrl: page });

    // An admin may set it too, under the same rule, and clear it.
    const foreign = await app.inject({
      method: 'PATCH',
      url: `/v1/partners/${partner.id}`,
      headers: admin.headers,
      payload: { accountPageUrl: 'https://www.iso.example/' },
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('accountPageUrl');
    const cleared = await app.inject({
      method: 'PATCH',
      url: `/v1/partners/${partner.id}`,
      headers: admin.headers,
      payload: { accountPageUrl: null },
    });
    expect(cleared.json()).toMatchObject({ accountPageUrl: null, name: partner.name });

    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'partner_id', 'actor_id', 'data'])
      .where('subject_id', '=', partner.id)
      .where('action', 'in', ['partner.account_page_changed', 'partner.updated'])
      .orderBy('at')
      .execute();
    expect(audit.map((row) => [row.action, row.partner_id, row.actor_id])).toEqual([
      ['partner.account_page_changed', partner.id, null],
      ['partner.updated', null, admin.accountId],
    ]);
    expect(audit[0]?.data).toMatchObject({ accountPageUrl: { from: null, to: page } });
    expect(audit[1]?.data).toMatchObject({ accountPageUrl: { from: page, to: null } });
  });

  test('plain http is for a developer’s own machine only', async () => {
    const local = await createPartner(app, { origin: 'http://localhost:5173' });
    const set = await setPage(local.secretKey, 'http://localhost:5173/?lang=fr');
    expect(set.statusCode, set.body).toBe(200);
    const cleared = await setPage(local.secretKey, null);
    expect(cleared.json()).toMatchObject({ accountPageUrl: null });
  });

  test("its SSO members' reset mail leads to the page's fragment; back to the community once the key is revoked", async () => {
    expect((await setPage(partner.secretKey, `${page}#top`)).statusCode).toBe(200);
    const member = await ssoMemberWithPassword('u-1');

    expect((await askReset(member.email)).statusCode).toBe(202);
    const link = await sentLink();
    // The page's query is kept, its fragment replaced by the token's.
    expect(link).toMatch(/^https:\/\/www\.iec\.example\/community\?tab=account#wsc-reset-password=[^&\s]+$/);
    const token = decodeURIComponent(link.split('#wsc-reset-password=')[1] ?? '');
    const done = await app.inject({
      method: 'POST',
      url: '/v1/auth/password-resets/complete',
      payload: { token, password: 'a brand new passphrase' },
    });
    expect(done.statusCode, done.body).toBe(200);

    // The key is revoked: the page's origin is no longer one where the partner embeds the widgets.
    const admin = await quietAdmin();
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/v1/partners/${partner.id}/keys/${partner.publishableKeyId}`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(204);
    await askReset(member.email);
    expect(await sentLink()).toMatch(
      new RegExp(`^${PUBLIC_URL.replaceAll('.', '\\.')}/account/reset-password\\?lang=en#token=`),
    );
  });

  test('a disabled partner’s members get the community’s link; others never get the page', async () => {
    expect((await setPage(partner.secretKey, page)).statusCode).toBe(200);
    const member = await ssoMemberWithPassword('u-2');
    const plain = await signUp(app);
    const otherPartner = await createPartner(app, { origin: 'https://www.itu.example' });
    const viaOther = await signUp(app, {
      headers: { 'x-wsc-publishable-key': otherPartner.publishableKey, origin: otherPartner.origin },
    });
    await worker().drain();
    smtp.clear();
    for (const someone of [plain, viaOther]) {
      await askReset(someone.email);
      expect(await sentLink()).toContain(`${PUBLIC_URL}/account/reset-password`);
    }

    const admin = await quietAdmin();
    await app.inject({
      method: 'PATCH',
      url: `/v1/partners/${partner.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    await askReset(member.email);
    expect(await sentLink()).toContain(`${PUBLIC_URL}/account/reset-password`);
  });

  test('the link is decided when the mail is queued; a sign-up through the partner’s key gets the page', async () => {
    expect((await setPage(partner.secretKey, page)).statusCode).toBe(200);
    const newcomer = await signUp(app, {
      headers: { 'x-wsc-publishable-key': partner.publishableKey, origin: partner.origin },
    });
    // Queued while the page held; the page is cleared before the worker sends it.
    expect((await setPage(partner.secretKey, null)).statusCode).toBe(200);
    expect(await sentLink()).toMatch(
      /^https:\/\/www\.iec\.example\/community\?tab=account#wsc-confirm-email=/,
    );

    await askReset(newcomer.email);
    expect(await sentLink()).toContain(`${PUBLIC_URL}/account/reset-password`);
  });

  test("an SSO member's confirmation leads to the page; the partner's mail policy still comes first", async () => {
    expect((await setPage(partner.secretKey, page)).statusCode).toBe(200);
    const member = await ssoSignIn(app, partner, { externalUserId: 'u-3' });
    const again = () =>
      app.inject({ method: 'POST', url: '/v1/auth/email-confirmations', headers: member.headers });
    expect((await again()).statusCode).toBe(202);
    expect(await sentLink()).toMatch(
      /^https:\/\/www\.iec\.example\/community\?tab=account#wsc-confirm-email=/,
    );

    const policy = await app.inject({
      method: 'PUT',
      url: '/v1/partners/me/mail-policy',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { communityMailSuppressed: true },
    });
    expect(policy.statusCode).toBe(200);
    expect((await again()).statusCode).toBe(202);
    await worker().drain();
    expect(smtp.received).toEqual([]);
  });
});
