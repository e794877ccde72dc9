import type { Membership } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createMembers, type TestMember } from '../events/fixtures';
import type { MailWorker } from '../mail/mail-worker';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server';
import { createTestServer, databases, signUp, type TestServer } from '../test-support';

/** The password `signUp` gives its members: moving an address needs it. */
const PASSWORD = 'correct horse battery staple';

function tokenOf(text: string | undefined): string {
  const match = /#token=([^\s]+)/.exec(text ?? '');
  if (!match?.[1]) throw new Error('no link with a token in the mail');
  return decodeURIComponent(match[1]);
}

// Membership by verified domain kept in step with the address: confirming it approves the
// member's pending request; moving it to another domain ends what the old domain granted.
describe.each(databases())('membership on address confirmation on $kind', ({ kind }) => {
  let app: TestServer;
  let smtp: TestSmtpServer;
  let admin: TestMember;
  let counter = 0;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestServer({
      kind,
      seeders: [organizationsSeeder],
      publicUrl: 'https://community.example.org',
      mail: { smtpUrl: smtp.url, worker: false },
    });
  });
  beforeEach(async () => {
    await app.reset();
    smtp.clear();
    [admin] = (await createMembers(app, 1, { roles: ['member', 'admin'] })) as [TestMember];
    const set = await app.inject({
      method: 'PATCH',
      url: '/v1/organizations/itu',
      headers: admin.headers,
      payload: { verifiedDomains: ['itu.int'] },
    });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  });

  const worker = () => app.mailWorker as MailWorker;
  /** A member of itu.int whose confirmation mails are read from the SMTP server. */
  async function newcomer() {
    counter += 1;
    const email = `reader${counter}.${Date.now()}@itu.int`;
    const member = await signUp(app, { email });
    return { ...member, email };
  }
  async function confirmationTokens(email: string): Promise<string[]> {
    await worker().drain();
    return smtp.received
      .filter((mail) => mail.to.toLowerCase() === email.toLowerCase())
      .filter((mail) => mail.parsed.text?.includes('#token='))
      .map((mail) => tokenOf(mail.parsed.text));
  }
  const confirm = (token: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/email-confirmations/complete', payload: { token } });
  const ask = (member: { headers: Record<string, string> }, organization: string) =>
    app.inject({
      method: 'POST',
      url: `/v1/organizations/${organization}/membership-requests`,
      headers: member.headers,
    });
  const membershipsOf = async (member: { headers: Record<string, string> }) =>
    (
      (await app.inject({ url: '/v1/me/memberships', headers: member.headers })).json() as {
        data: Membership[];
      }
    ).data;
  const auditOf = (accountId: string) =>
    app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'subject_id', 'data'])
      .where('subject_type', '=', 'organization')
      .where('action', 'like', 'organization_membership.%')
      .execute()
      .then((rows) =>
        rows
          .map((row) => ({
            ...row,
            data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as never,
          }))
          .filter((row) => (row.data as { accountId?: string }).accountId === accountId),
      );
  const profileOrganization = async (accountId: string) =>
    (
      await app.db
        .selectFrom('stakeholders')
        .select('organization_id')
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).organization_id;

  test('confirming an address of a verified domain approves the pending request, audited as the system’s decision', async () => {
    const member = await newcomer();
    expect((await ask(member, 'itu')).json()).toMatchObject({ status: 'pending', basis: 'request' });
    const [token] = await confirmationTokens(member.email);
    const confirmed = await confirm(token!);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await membershipsOf(member)).toMatchObject([
      { organizationId: 'itu', status: 'approved', basis: 'email-domain' },
    ]);
    expect(await profileOrganization(member.accountId)).toBe('itu');
    const audit = await auditOf(member.accountId);
    expect(audit.map((row) => row.action)).toEqual([
      'organization_membership.requested',
      'organization_membership.approved',
    ]);
    expect(audit[1]).toMatchObject({
      actor_id: null,
      subject_id: 'itu',
      data: { decidedBy: 'system', basis: 'email-domain', reason: { domain: 'itu.int' } },
    });
  });

  test('a confirmed address without a request joins nothing; a request to an organisation of another domain stays pending', async () => {
    const member = await newcomer();
    expect((await ask(member, 'iec')).json()).toMatchObject({ status: 'pending' });
    const [token] = await confirmationTokens(member.email);
    expect((await confirm(token!)).statusCode).toBe(200);
    expect(await membershipsOf(member)).toMatchObject([{ organizationId: 'iec', status: 'pending' }]);
    expect(await profileOrganization(member.accountId)).toBeNull();
  });

  test('two confirmations of one address at once approve the request once', async () => {
    const member = await newcomer();
    expect((await ask(member, 'itu')).statusCode).toBe(201);
    // A second confirmation mail: two valid tokens, both used at the same moment, twice each.
    const again = await app.inject({
      method: 'POST',
      url: '/v1/auth/email-confirmations',
      headers: member.headers,
    });
    expect(again.statusCode, again.body).toBeLessThan(300);
    const tokens = await confirmationTokens(member.email);
    expect(tokens).toHaveLength(2);
    const answers = await Promise.all([...tokens, ...tokens].map((token) => confirm(token)));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 422, 422]);
    const approvals = (await auditOf(member.accountId)).filter(
      (row) => row.action === 'organization_membership.approved',
    );
    expect(approvals).toHaveLength(1);
    expect(await membershipsOf(member)).toMatchObject([{ organizationId: 'itu', status: 'approved' }]);
  });

  test('moving the address to another domain removes the membership the old domain granted, and only that', async () => {
    const member = await newcomer();
    await ask(member, 'itu');
    const [token] = await confirmationTokens(member.email);
    expect((await confirm(token!)).statusCode).toBe(200);
    // A decision of the organisation's managers or an admin does not rest on the address: it stays.
    const decided = await signUp(app, { email: `decided.${Date.now()}@iso.org` });
    const approved = await app.inject({
      method: 'PATCH',
      url: `/v1/organizations/iso/memberships/${decided.accountId}`,
      headers: admin.headers,
      payload: { status: 'approved' },
    });
    expect(approved.statusCode, approved.body).toBe(200);

    // The same domain again keeps the membership (the organisation still vouches for it).
    const sameDomain = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: member.headers,
      payload: { email: `moved.${member.email}`, currentPassword: PASSWORD },
    });
    expect(sameDomain.statusCode, sameDomain.body).toBe(200);
    expect(await membershipsOf(member)).toMatchObject([{ organizationId: 'itu', status: 'approved' }]);

    const moved = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: member.headers,
      payload: { email: `reader${counter}@example.org`, currentPassword: PASSWORD },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await membershipsOf(member)).toMatchObject([{ organizationId: 'itu', status: 'removed' }]);
    expect(await profileOrganization(member.accountId)).toBeNull();
    const removal = (await auditOf(member.accountId)).filter(
      (row) => row.action === 'organization_membership.removed',
    );
    expect(removal).toMatchObject([
      { actor_id: null, subject_id: 'itu', data: { decidedBy: 'system', reason: { domain: 'itu.int' } } },
    ]);
    const decidedMoved = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: decided.headers,
      payload: { email: `decided.${Date.now()}@example.org`, currentPassword: PASSWORD },
    });
    expect(decidedMoved.statusCode, decidedMoved.body).toBe(200);
    expect(await profileOrganization(decided.accountId)).toBe('iso');
  });
});
