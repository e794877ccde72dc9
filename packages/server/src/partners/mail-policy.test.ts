import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { quickMember } from '../community/fixtures';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { hashPassword } from '../identity/password';
import { enqueueMail } from '../mail/enqueue';
import { emailChangedTemplate } from '../mail/templates/email-changed';
import { createPartner, createTestServer, databases, ssoSignIn, type TestServer } from '../test-support';

// A partner's choice that its single-sign-on members get no community mail: who may set it,
// that it is audited, and what it stops (and does not stop).
describe.each(databases())('partner mail policy on $kind', ({ kind }) => {
  let app: TestServer;
  let organiser: TestMember;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder, eventsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
  });
  afterAll(() => app?.dispose());

  const setPolicy = (secretKey: string, communityMailSuppressed: unknown) =>
    app.inject({
      method: 'PUT',
      url: '/v1/partners/me/mail-policy',
      headers: { authorization: `Bearer ${secretKey}` },
      payload: { communityMailSuppressed },
    });
  const register = (eventId: string, headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/v1/events/${eventId}/registrations`,
      headers,
      payload: { claim: { communityMember: true } },
    });
  const mailsTo = (accountId: string) =>
    app.db.selectFrom('mail_outbox').select('template').where('account_id', '=', accountId).execute();
  const accountMail = (accountId: string) =>
    app.db.transaction().execute((trx) =>
      enqueueMail(trx, {
        template: emailChangedTemplate,
        to: { accountId },
        data: { displayName: 'x', newAddressHint: 'x' },
      }),
    );

  test('only a key granted the mail-policy scope (or an admin) sets it; each change is audited', async () => {
    const ungranted = await createPartner(app, { scopes: ['content:read', 'sso'] });
    const refused = await setPolicy(ungranted.secretKey, true);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ detail: expect.stringContaining('mail-policy') });
    const member = await quickMember(app);
    expect((await setPolicy('', true)).statusCode).toBe(401);
    const asMember = await app.inject({
      method: 'PUT',
      url: '/v1/partners/me/mail-policy',
      headers: member.headers,
      payload: { communityMailSuppressed: true },
    });
    expect(asMember.statusCode).toBe(401);
    const bad = await setPolicy((await createPartner(app, { scopes: ['mail-policy'] })).secretKey, 'yes');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('communityMailSuppressed');

    const granted = await createPartner(app, { scopes: ['sso', 'mail-policy'] });
    const set = await setPolicy(granted.secretKey, true);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ id: granted.id, communityMailSuppressed: true });
    const admin = await quickMember(app, ['admin']);
    const cleared = await app.inject({
      method: 'PATCH',
      url: `/v1/partners/${granted.id}`,
      headers: admin.headers,
      payload: { communityMailSuppressed: false },
    });
    expect(cleared.json()).toMatchObject({ communityMailSuppressed: false });
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'partner_id', 'actor_id', 'data'])
      .where('subject_id', '=', granted.id)
      .where('action', 'in', ['partner.mail_policy_changed', 'partner.updated'])
      .orderBy('action')
      .execute();
    expect(audit.map((row) => [row.action, row.partner_id, row.actor_id])).toEqual([
      ['partner.mail_policy_changed', granted.id, null],
      ['partner.updated', null, admin.accountId],
    ]);
    expect(audit[0]!.data).toMatchObject({ communityMailSuppressed: { from: false, to: true } });
  });

  test('its SSO members get no community mail; account mail only with a community password; others unaffected', async () => {
    const partner = await createPartner(app);
    const other = await createPartner(app);
    const event = await createEventAs(app, organiser.headers, { capacity: 10 });
    expect((await setPolicy(partner.secretKey, true)).statusCode).toBe(200);

    const ssoOnly = await ssoSignIn(app, partner, { externalUserId: 'u-1' });
    const withPassword = await ssoSignIn(app, partner, { externalUserId: 'u-2' });
    await app.db
      .updateTable('accounts')
      .set({ password_hash: await hashPassword('correct horse battery staple') })
      .where('id', '=', withPassword.stakeholderId)
      .execute();
    const otherPartners = await ssoSignIn(app, other, { externalUserId: 'u-1' });
    const plain = await quickMember(app);

    for (const member of [ssoOnly, withPassword, otherPartners, plain]) {
      expect((await register(event.id, member.headers)).statusCode).toBe(201);
    }
    expect(await mailsTo(ssoOnly.stakeholderId)).toEqual([]);
    expect(await mailsTo(withPassword.stakeholderId)).toEqual([]);
    expect(await mailsTo(otherPartners.stakeholderId)).toEqual([{ template: 'registration-confirmed' }]);
    expect(await mailsTo(plain.accountId)).toEqual([{ template: 'registration-confirmed' }]);

    // Account mail: the member with a community password still gets it; the SSO-only one does not.
    expect(await accountMail(withPassword.stakeholderId)).not.toBeNull();
    expect(await accountMail(ssoOnly.stakeholderId)).toBeNull();
    const preferences = await app.inject({
      url: '/v1/me/notification-preferences',
      headers: ssoOnly.headers,
    });
    expect(preferences.json()).toMatchObject({ partnerInformsYou: true });

    // Restarted: mail flows again.
    expect((await setPolicy(partner.secretKey, false)).statusCode).toBe(200);
    const cancelled = await app.inject({
      method: 'DELETE',
      url: `/v1/events/${event.id}/registrations/me`,
      headers: ssoOnly.headers,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(await mailsTo(ssoOnly.stakeholderId)).toEqual([{ template: 'registration-cancelled' }]);
  });
});
