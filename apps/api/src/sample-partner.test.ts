// The sample partner `npm start` creates names the partner site's page as its account page, so a
// newcomer who joins on the partner site gets a confirmation link back to it (which the embed
// script there completes), on the first start and on every later one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestServer, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureSamplePartner } from './sample-partner';

const SITE = 'http://localhost:5173';
const folder = mkdtempSync(path.join(tmpdir(), 'wsc-sample-partner-'));
const file = path.join(folder, 'sample-partner.json');

describe('the sample partner’s account page', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ publicUrl: 'http://localhost:8787' });
  });
  afterAll(async () => {
    await app?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const confirmationPageOf = async (accountId: string) => {
    const mail = await app.db
      .selectFrom('mail_outbox')
      .select('data')
      .where('account_id', '=', accountId)
      .where('template', '=', 'email-confirmation')
      .executeTakeFirstOrThrow();
    return (mail.data as { accountPage?: string | null }).accountPage ?? null;
  };
  const joinOnTheSite = async (publishableKey: string, email: string) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      headers: { 'x-wsc-publishable-key': publishableKey, origin: SITE },
      payload: { email, password: 'correct horse battery staple', displayName: 'New', role: 'designer' },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    return (answer.json() as { accountId: string }).accountId;
  };

  test('is the partner site’s page, from the first start on; later starts keep it', async () => {
    const first = await ensureSamplePartner(app.db, file, [SITE, 'http://localhost:5174'], `${SITE}/`);
    expect(first.created).toBe(true);
    const row = await app.db
      .selectFrom('partners')
      .select('account_page_url')
      .where('id', '=', first.partner.partnerId)
      .executeTakeFirstOrThrow();
    expect(row.account_page_url).toBe(`${SITE}/`);
    const newcomer = await joinOnTheSite(first.partner.publishableKey.key, 'newcomer@example.org');
    expect(await confirmationPageOf(newcomer)).toBe(`${SITE}/`);

    // A page cleared by hand comes back on the next start, with the same keys.
    await app.db.updateTable('partners').set({ account_page_url: null }).execute();
    const second = await ensureSamplePartner(app.db, file, [SITE, 'http://localhost:5174'], `${SITE}/`);
    expect(second.created).toBe(false);
    const later = await joinOnTheSite(second.partner.publishableKey.key, 'later@example.org');
    expect(await confirmationPageOf(later)).toBe(`${SITE}/`);
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'partner.account_page_changed')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
