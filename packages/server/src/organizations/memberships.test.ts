import type { Membership, Page, Stakeholder } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths } from '../community/fixtures';
import { organizationsSeeder } from '../database/seed-organizations';
import { createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { createTestServer, databases, signUp, type TestServer } from '../test-support';

describe.each(databases())('organization membership on $kind', ({ kind }) => {
  let app: TestServer;
  let admin: TestMember;
  let manager: TestMember;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder, eventsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    [admin] = (await createMembers(app, 1, { roles: ['member', 'admin'] })) as [TestMember];
    [manager] = (await createMembers(app, 1)) as [TestMember];
    const named = await decide(admin, 'iec', manager.accountId, { status: 'approved', role: 'manager' });
    expect(named.statusCode, named.body).toBe(200);
  });
  afterAll(() => app.dispose());

  const ask = (member: { headers: Record<string, string> }, organization: string, payload?: object) =>
    app.inject({
      method: 'POST',
      url: `/v1/organizations/${organization}/membership-requests`,
      headers: member.headers,
      ...(payload ? { payload } : {}),
    });
  function decide(
    by: { headers: Record<string, string> },
    organization: string,
    accountId: string,
    payload: object,
  ) {
    return app.inject({
      method: 'PATCH',
      url: `/v1/organizations/${organization}/memberships/${accountId}`,
      headers: by.headers,
      payload,
    });
  }
  const setDomains = (
    by: { headers: Record<string, string> },
    organization: string,
    verifiedDomains: string[],
  ) =>
    app.inject({
      method: 'PATCH',
      url: `/v1/organizations/${organization}`,
      headers: by.headers,
      payload: { verifiedDomains },
    });
  /** What e-mail confirmation will record once it exists. */
  const confirmEmail = (accountId: string) =>
    app.db
      .updateTable('accounts')
      .set({ email_confirmed_at: new Date() })
      .where('id', '=', accountId)
      .execute();
  const profileOf = async (accountId: string) =>
    (await app.inject({ url: `/v1/stakeholders/${accountId}` })).json() as Stakeholder;
  const auditActions = async (organization: string) =>
    (
      await app.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_type', '=', 'organization')
        .where('subject_id', '=', organization)
        .execute()
    ).map((row) => row.action);

  it('the seeded organizations start with no members, and self-claiming through PATCH /v1/me is refused, naming the field', async () => {
    expect(
      await app.db.selectFrom('stakeholders').select('id').where('organization_id', 'is not', null).execute(),
    ).toEqual([{ id: manager.accountId }]);
    const [member] = (await createMembers(app, 1)) as [TestMember];
    const claim = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: member.headers,
      payload: { organizationId: 'iec', city: 'Geneva' },
    });
    expect(claim.statusCode).toBe(422);
    expect(errorPaths(claim.body)).toEqual(['organizationId']);
    expect(claim.json().detail).toContain('/membership-requests');
    // Nothing of the body was written, the city neither.
    expect(await profileOf(member.accountId)).toMatchObject({ organizationId: null, city: null });
  });

  it('a request grants nothing until a manager approves it; the manager sees it, approves, then removes', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    const asked = await ask(member, 'iec', { note: 'Convenor of IEC SyC Smart Cities WG 1' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      organizationId: 'iec',
      accountId: member.accountId,
      status: 'pending',
      role: 'member',
      basis: 'request',
      note: 'Convenor of IEC SyC Smart Cities WG 1',
      decidedAt: null,
    });
    // Asking again answers the request as it stands.
    const again = await ask(member, 'iec');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'pending', note: 'Convenor of IEC SyC Smart Cities WG 1' });
    expect((await profileOf(member.accountId)).organizationId).toBeNull();

    const pending = await app.inject({
      url: '/v1/organizations/iec/memberships?status=pending',
      headers: manager.headers,
    });
    expect(pending.statusCode).toBe(200);
    const page = pending.json() as Page<Membership>;
    expect(page.data.map((membership) => membership.accountId)).toEqual([member.accountId]);
    expect(page.data[0]?.email).toMatch(/@example\.org$/);

    const approved = await decide(manager, 'iec', member.accountId, { status: 'approved' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', basis: 'decision', role: 'member' });
    expect(approved.json().decidedAt).toEqual(expect.any(String));
    expect((await profileOf(member.accountId)).organizationId).toBe('iec');
    const stakeholders = await app.inject({ url: '/v1/stakeholders?organization=iec' });
    expect((stakeholders.json() as Page<Stakeholder>).data.map((stakeholder) => stakeholder.id)).toContain(
      member.accountId,
    );

    const removed = await decide(manager, 'iec', member.accountId, { status: 'removed' });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ status: 'removed' });
    expect((await profileOf(member.accountId)).organizationId).toBeNull();
    const mine = await app.inject({ url: '/v1/me/memberships', headers: member.headers });
    expect(mine.json()).toEqual({
      data: [expect.objectContaining({ organizationId: 'iec', status: 'removed' })],
    });

    // The admin's naming of the manager (before each test), then this member's way in and out.
    expect((await auditActions('iec')).sort()).toEqual(
      [
        'organization_membership.approved',
        'organization_manager.appointed',
        'organization_membership.requested',
        'organization_membership.approved',
        'organization_membership.removed',
      ].sort(),
    );
  });

  it('refusal, asking again, withdrawing and leaving', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    await ask(member, 'iec');
    const refused = await decide(manager, 'iec', member.accountId, { status: 'refused' });
    expect(refused.json()).toMatchObject({ status: 'refused' });
    expect((await profileOf(member.accountId)).organizationId).toBeNull();
    // A refused member may ask again: a new request.
    const again = await ask(member, 'iec');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ status: 'pending', decidedAt: null });
    const withdrawn = await app.inject({
      method: 'DELETE',
      url: '/v1/me/memberships/iec',
      headers: member.headers,
    });
    expect(withdrawn.statusCode).toBe(204);
    expect((await app.inject({ url: '/v1/me/memberships', headers: member.headers })).json()).toEqual({
      data: [],
    });
    await ask(member, 'iec');
    await decide(manager, 'iec', member.accountId, { status: 'approved' });
    const left = await app.inject({
      method: 'DELETE',
      url: '/v1/me/memberships/iec',
      headers: member.headers,
    });
    expect(left.statusCode).toBe(204);
    expect((await profileOf(member.accountId)).organizationId).toBeNull();
    const nothing = await app.inject({
      method: 'DELETE',
      url: '/v1/me/memberships/iec',
      headers: member.headers,
    });
    expect(nothing.statusCode).toBe(404);
    expect(await auditActions('iec')).toEqual(
      expect.arrayContaining([
        'organization_membership.refused',
        'organization_membership.withdrawn',
        'organization_membership.left',
      ]),
    );
  });

  it('only the organization’s managers and admins list and decide; a manager of another organization cannot', async () => {
    const [member, stranger, isoManager] = (await createMembers(app, 3)) as [
      TestMember,
      TestMember,
      TestMember,
    ];
    await decide(admin, 'iso', isoManager.accountId, { status: 'approved', role: 'manager' });
    await ask(member, 'iec');
    for (const outsider of [member, stranger, isoManager]) {
      const list = await app.inject({ url: '/v1/organizations/iec/memberships', headers: outsider.headers });
      expect(list.statusCode).toBe(403);
      expect(list.json().type).toMatch(/organization-manager-required$/);
      const approve = await decide(outsider, 'iec', member.accountId, { status: 'approved' });
      expect(approve.statusCode).toBe(403);
    }
    // The member cannot approve themself either.
    expect((await decide(member, 'iec', member.accountId, { status: 'approved' })).statusCode).toBe(403);
    expect((await app.inject({ url: '/v1/organizations/iec/memberships' })).statusCode).toBe(401);
    expect((await profileOf(member.accountId)).organizationId).toBeNull();
    // Only admins set verified domains, not managers.
    const domains = await setDomains(manager, 'iec', ['example.org']);
    expect(domains.statusCode).toBe(403);
  });

  it('a manager names and dismisses managers; a dismissed or removed manager decides nothing more', async () => {
    const [deputy, member] = (await createMembers(app, 2)) as [TestMember, TestMember];
    await ask(deputy, 'iec');
    const named = await decide(manager, 'iec', deputy.accountId, { status: 'approved', role: 'manager' });
    expect(named.json()).toMatchObject({ status: 'approved', role: 'manager' });
    const dismissed = await decide(manager, 'iec', deputy.accountId, { role: 'member' });
    expect(dismissed.json()).toMatchObject({ status: 'approved', role: 'member' });
    await ask(member, 'iec');
    expect((await decide(deputy, 'iec', member.accountId, { status: 'approved' })).statusCode).toBe(403);
    // A manager cannot add someone who never asked; an admin can.
    const [never] = (await createMembers(app, 1)) as [TestMember];
    const unasked = await decide(manager, 'iec', never.accountId, { status: 'approved' });
    expect(unasked.statusCode).toBe(404);
    expect(await auditActions('iec')).toEqual(
      expect.arrayContaining(['organization_manager.appointed', 'organization_manager.dismissed']),
    );
  });

  it('refuses transitions the rule does not allow, naming the field', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    await ask(member, 'iec');
    const remove = await decide(manager, 'iec', member.accountId, { status: 'removed' });
    expect(remove.statusCode).toBe(409);
    expect(errorPaths(remove.body)).toEqual(['status']);
    const promote = await decide(manager, 'iec', member.accountId, { role: 'manager' });
    expect(promote.statusCode).toBe(409);
    expect(errorPaths(promote.body)).toEqual(['role']);
    const empty = await decide(manager, 'iec', member.accountId, { state: 'approved' });
    expect(empty.statusCode).toBe(422);
    const bad = await decide(manager, 'iec', member.accountId, { status: 'pending' });
    expect(bad.statusCode).toBe(422);
    expect(errorPaths(bad.body)).toEqual(['status']);
    expect((await profileOf(member.accountId)).organizationId).toBeNull();
    expect((await decide(admin, 'nowhere', member.accountId, { status: 'approved' })).statusCode).toBe(404);
  });

  it('a member belongs to one organization at a time: approving them elsewhere is 409 until they leave', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    await ask(member, 'iec');
    await ask(member, 'iso');
    expect((await decide(manager, 'iec', member.accountId, { status: 'approved' })).statusCode).toBe(200);
    const elsewhere = await decide(admin, 'iso', member.accountId, { status: 'approved' });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().type).toMatch(/membership-conflict$/);
    expect(elsewhere.json().detail).toContain('iec');
    expect((await profileOf(member.accountId)).organizationId).toBe('iec');
    await app.inject({ method: 'DELETE', url: '/v1/me/memberships/iec', headers: member.headers });
    expect((await decide(admin, 'iso', member.accountId, { status: 'approved' })).statusCode).toBe(200);
    expect((await profileOf(member.accountId)).organizationId).toBe('iso');
  });

  it('two organizations approving one member at once: one wins, the other is 409, the profile matches the winner', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    await ask(member, 'iec');
    await ask(member, 'iso');
    const answers = await Promise.all([
      decide(manager, 'iec', member.accountId, { status: 'approved' }),
      decide(admin, 'iso', member.accountId, { status: 'approved' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const winner = answers[0]?.statusCode === 200 ? 'iec' : 'iso';
    expect((await profileOf(member.accountId)).organizationId).toBe(winner);
    const approved = await app.db
      .selectFrom('organization_memberships')
      .select('organization_id')
      .where('account_id', '=', member.accountId)
      .where('status', '=', 'approved')
      .execute();
    expect(approved).toEqual([{ organization_id: winner }]);
  });

  it('twenty requests at once make one request; a removal racing an approval leaves row and profile agreeing', async () => {
    const [member, other] = (await createMembers(app, 2)) as [TestMember, TestMember];
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(member, 'iec')));
    expect(answers.filter((answer) => answer.statusCode === 201)).toHaveLength(1);
    expect(answers.every((answer) => answer.statusCode === 200 || answer.statusCode === 201)).toBe(true);
    await ask(other, 'iec');
    await decide(manager, 'iec', other.accountId, { status: 'approved' });
    await Promise.all([
      decide(manager, 'iec', other.accountId, { status: 'removed' }),
      app.inject({ method: 'DELETE', url: '/v1/me/memberships/iec', headers: other.headers }),
      ask(other, 'iec'),
    ]);
    const row = await app.db
      .selectFrom('organization_memberships')
      .select('status')
      .where('account_id', '=', other.accountId)
      .executeTakeFirst();
    expect((await profileOf(other.accountId)).organizationId).toBe(row?.status === 'approved' ? 'iec' : null);
  });

  it('sign-up with an organization asks to join it; an unknown one is 422 and creates no account', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: {
        email: 'amina@example.org',
        password: 'a-long-password-1',
        displayName: 'أمينة',
        role: 'city-leader',
        organizationId: 'no-such-org',
      },
    });
    expect(unknown.statusCode).toBe(422);
    expect(errorPaths(unknown.body)).toEqual(['organizationId']);
    const joined = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: {
        email: 'amina@example.org',
        password: 'a-long-password-1',
        displayName: 'أمينة',
        role: 'city-leader',
        organizationId: 'itu',
      },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const headers = { authorization: `Bearer ${joined.json().token}` };
    const me = (await app.inject({ url: '/v1/me', headers })).json();
    expect(me.profile.organizationId).toBeNull();
    expect((await app.inject({ url: '/v1/me/memberships', headers })).json()).toEqual({
      data: [expect.objectContaining({ organizationId: 'itu', status: 'pending', basis: 'request' })],
    });
  });

  it('a verified e-mail domain lets confirmed addresses join at once, never typed ones', async () => {
    const set = await setDomains(admin, 'itu', ['ITU.int', 'itu.int']);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().verifiedDomains).toEqual(['itu.int']);
    const badDomain = await setDomains(admin, 'itu', ['@itu.int']);
    expect(badDomain.statusCode).toBe(422);
    expect(errorPaths(badDomain.body)).toEqual(['verifiedDomains.0']);

    const typed = await signUp(app, { email: `typed.${Date.now()}@itu.int` });
    expect((await ask(typed, 'itu')).json()).toMatchObject({ status: 'pending', basis: 'request' });
    const confirmed = await signUp(app, { email: `confirmed.${Date.now()}@itu.int` });
    await confirmEmail(confirmed.accountId);
    const joined = await ask(confirmed, 'itu');
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ status: 'approved', basis: 'email-domain' });
    expect((await profileOf(confirmed.accountId)).organizationId).toBe('itu');
    const lookalike = await signUp(app, { email: `x.${Date.now()}@evil-itu.int` });
    await confirmEmail(lookalike.accountId);
    expect((await ask(lookalike, 'itu')).json()).toMatchObject({ status: 'pending' });
  });

  it('deleting the account deletes its memberships and the managers no longer see its address', async () => {
    const [member] = (await createMembers(app, 1)) as [TestMember];
    await ask(member, 'iec');
    expect((await app.inject({ method: 'DELETE', url: '/v1/me', headers: member.headers })).statusCode).toBe(
      204,
    );
    const list = await app.inject({ url: '/v1/organizations/iec/memberships', headers: manager.headers });
    expect((list.json() as Page<Membership>).data.map((membership) => membership.accountId)).toEqual([
      manager.accountId,
    ]);
  });

  it('pages through many memberships sharing a request time, none repeated or skipped', async () => {
    const members = await createMembers(app, 25);
    const at = new Date('2026-12-01T10:00:00.123456Z');
    await app.db
      .insertInto('organization_memberships')
      .values(
        members.map((member) => ({
          organization_id: 'iec',
          account_id: member.accountId,
          status: 'pending' as const,
          basis: 'request' as const,
          requested_at: at,
        })),
      )
      .execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await app.inject({
        url: `/v1/organizations/iec/memberships?status=pending&limit=4${query}`,
        headers: manager.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as Page<Membership>;
      seen.push(...page.data.map((membership) => membership.accountId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(new Set(members.map((member) => member.accountId)));
  });
});
