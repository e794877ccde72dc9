import type { Comment } from '@wsc/models';
import type { PartnerSsoAccounts, PartnerSsoSuspension } from '@wsc/models/partner';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { confirmAddresses, errorPaths, postPainPoint, quickMember } from '../community/fixtures';
import {
  createPartner,
  createTestServer,
  databases,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support';
import { countVotes } from '../votes/repository';

type Headers = Record<string, string>;

/**
 * Issue #19, "one partner is not many people": an admin sees what the accounts a partner minted
 * through SSO did, and suspends them in one step (audited): their tokens stop, their votes stop
 * counting, their reports stop counting towards hiding a comment.
 */
describe.each(databases())('accounts a partner minted through SSO on $kind', ({ kind }) => {
  let app: TestServer;
  let admin: Awaited<ReturnType<typeof quickMember>>;
  let partnerA: TestPartner;
  let partnerB: TestPartner;
  let mintedByA: Headers[];
  let userOfB: Headers;
  let painPointId: string;
  let commentId: string;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [] });
  });
  beforeEach(async () => {
    await app.reset();
    admin = await quickMember(app, ['admin']);
    partnerA = await createPartner(app);
    partnerB = await createPartner(app);
    const community = await quickMember(app);
    painPointId = (await postPainPoint(app, community.headers)).id;
    commentId = (
      (
        await app.inject({
          method: 'POST',
          url: `/v1/pain-points/${painPointId}/comments`,
          headers: community.headers,
          payload: { body: 'Our bus lanes are enforced with cameras.' },
        })
      ).json() as Comment
    ).id;
    mintedByA = [];
    for (let index = 0; index < 10; index += 1) {
      mintedByA.push((await ssoSignIn(app, partnerA, { externalUserId: `a-${index}` })).headers);
    }
    userOfB = (await ssoSignIn(app, partnerB, { externalUserId: 'b-0' })).headers;
    for (const headers of [...mintedByA, userOfB, community.headers]) await vote(headers);
  });
  afterAll(() => app.dispose());

  async function vote(headers: Headers) {
    const response = await app.inject({ method: 'PUT', url: `/v1/pain-points/${painPointId}/vote`, headers });
    expect(response.statusCode, response.body).toBe(200);
  }

  async function report(headers: Headers) {
    return app.inject({
      method: 'POST',
      url: `/v1/comments/${commentId}/reports`,
      headers,
      payload: { reason: 'spam' },
    });
  }

  const summary = async (partnerId: string, headers: Headers = admin.headers) =>
    app.inject({ url: `/v1/partners/${partnerId}/sso-accounts`, headers });
  const suspend = async (partnerId: string, payload: object, headers: Headers = admin.headers) =>
    app.inject({
      method: 'POST',
      url: `/v1/partners/${partnerId}/sso-accounts/suspension`,
      headers,
      payload,
    });
  const voteCount = async () =>
    (
      await app.db
        .selectFrom('pain_points')
        .select('vote_count')
        .where('id', '=', painPointId)
        .executeTakeFirstOrThrow()
    ).vote_count;

  it('shows an admin how many accounts a partner minted and what they did', async () => {
    for (const headers of mintedByA.slice(0, 3)) expect((await report(headers)).statusCode).toBe(201);
    const comment = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPointId}/comments`,
      headers: mintedByA[0] as Headers,
      payload: { body: 'Cameras work here too.' },
    });
    expect(comment.statusCode).toBe(201);
    await postPainPoint(app, mintedByA[1] as Headers);

    const answer = await summary(partnerA.id);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({
      partnerId: partnerA.id,
      minted: 10,
      active: 10,
      suspended: 0,
      suspension: null,
      activity: { painPoints: 1, votes: 10, comments: 1, reports: 3 },
    } satisfies PartnerSsoAccounts);
    expect((await summary(partnerB.id)).json()).toMatchObject({
      minted: 1,
      activity: { votes: 1, reports: 0 },
    });
  });

  it('is for admins only, names unknown partners and a missing reason', async () => {
    const member = await quickMember(app);
    expect((await summary(partnerA.id, member.headers)).statusCode).toBe(403);
    expect((await summary(partnerA.id, {})).statusCode).toBe(401);
    // A partner's own secret key is no admin: it cannot look at, or lift, what it minted.
    expect((await summary(partnerA.id, { authorization: `Bearer ${partnerA.secretKey}` })).statusCode).toBe(
      401,
    );
    expect((await suspend(partnerA.id, { reason: 'x' }, mintedByA[0] as Headers)).statusCode).toBe(403);
    expect((await summary('no-such-partner')).statusCode).toBe(404);
    expect((await suspend('no-such-partner', { reason: 'Bulk accounts' })).statusCode).toBe(404);
    const noReason = await suspend(partnerA.id, {});
    expect(noReason.statusCode).toBe(422);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    expect(errorPaths(noReason.body)).toEqual(['reason']);
    // Nothing was suspended by the refused calls.
    expect((await summary(partnerA.id)).json()).toMatchObject({ active: 10, suspended: 0 });
  });

  it('suspends every minted account in one step: tokens stop, votes stop counting, audited', async () => {
    expect(await voteCount()).toBe(12);
    const answer = await suspend(partnerA.id, { reason: 'Ten accounts voting as one' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      partnerId: partnerA.id,
      reason: 'Ten accounts voting as one',
      suspendedAccounts: 10,
      votesWithdrawn: 10,
    } satisfies Partial<PartnerSsoSuspension>);

    // The count is the stored votes: partner B's member and the community's member.
    expect(await voteCount()).toBe(2);
    expect(await countVotes(app.db, painPointId)).toBe(2);
    const voted = await app.db
      .selectFrom('outbox_events')
      .select('data')
      .where('type', '=', 'pain_point.voted')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(voted.data).toMatchObject({ painPointId, voteCount: 2 });

    // Their SSO tokens stop at once, and the partner cannot sign the same users in again.
    for (const headers of mintedByA) {
      expect((await app.inject({ url: '/v1/me', headers })).statusCode).toBe(401);
    }
    await expect(ssoSignIn(app, partnerA, { externalUserId: 'a-0' })).rejects.toThrow(/403/);
    await expect(ssoSignIn(app, partnerA, { externalUserId: 'a-new' })).rejects.toThrow(/403/);
    // Partner B's member is untouched.
    expect((await app.inject({ url: '/v1/me', headers: userOfB })).statusCode).toBe(200);

    const audit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'partner.sso_accounts_suspended')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: admin.accountId,
      subject_type: 'partner',
      subject_id: partnerA.id,
      data: { reason: 'Ten accounts voting as one', votesWithdrawn: 10 },
    });
    expect((audit[0]?.data as { accountIds?: string[] } | undefined)?.accountIds).toHaveLength(10);
    expect((await summary(partnerA.id)).json()).toMatchObject({
      minted: 10,
      active: 0,
      suspended: 10,
      activity: { votes: 0 },
    });
  });

  it("a suspended partner's reports no longer count towards hiding a comment", async () => {
    for (const headers of mintedByA.slice(0, 2)) expect((await report(headers)).statusCode).toBe(201);
    expect((await suspend(partnerA.id, { reason: 'Bulk reports' })).statusCode).toBe(200);
    const confirmed = await quickMember(app);
    await confirmAddresses(app, [confirmed.accountId]);
    // Partner B and a confirmed member: two sources, but two reporters left, not three.
    expect((await report(userOfB)).json()).toMatchObject({ commentHidden: false });
    expect((await report(confirmed.headers)).json()).toMatchObject({ commentHidden: false });
  });

  const signIn = (partner: TestPartner, externalUserId: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/sso/tokens',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: {
        externalUserId,
        email: `${externalUserId}@partner.example.org`,
        displayName: externalUserId,
      },
    });
  const lift = async (partnerId: string, headers: Headers = admin.headers) =>
    app.inject({ method: 'DELETE', url: `/v1/partners/${partnerId}/sso-accounts/suspension`, headers });
  const SUSPENDED = 'https://worldsmartcity.org/problems/partner-sso-suspended';

  it('a suspension racing the partner minting and voting leaves no minted account active and every count true', async () => {
    const fresh = Array.from({ length: 8 }, (_, index) => signIn(partnerA, `fresh-${index}`));
    const unvotes = mintedByA
      .slice(0, 5)
      .map((headers) =>
        app.inject({ method: 'DELETE', url: `/v1/pain-points/${painPointId}/vote`, headers }),
      );
    const [suspension, ...answers] = await Promise.all([
      suspend(partnerA.id, { reason: 'Race' }),
      ...fresh,
      ...unvotes,
    ]);
    expect(suspension?.statusCode, suspension?.body).toBe(200);
    // A sign-up either came before the suspension (and was suspended with the others) or is refused.
    const signUps = answers.slice(0, 8);
    for (const answer of signUps) {
      expect([201, 403], answer.body).toContain(answer.statusCode);
      if (answer.statusCode === 403) expect(answer.json()).toMatchObject({ type: SUSPENDED });
    }
    const minted = 10 + signUps.filter((answer) => answer.statusCode === 201).length;
    const after = (await summary(partnerA.id)).json() as PartnerSsoAccounts;
    expect(after).toMatchObject({ minted, active: 0, suspended: minted, activity: { votes: 0 } });
    expect(await voteCount()).toBe(await countVotes(app.db, painPointId));
    expect(await voteCount()).toBe(2);
    // Nothing is minted after it, however long the partner keeps trying.
    expect((await signIn(partnerA, 'fresh-late')).json()).toMatchObject({ status: 403, type: SUSPENDED });
    expect((await summary(partnerA.id)).json()).toMatchObject({ minted, active: 0 });
  });

  it("stops the partner's single sign-on, sign-ups and sign-ins, until an admin lifts it; the lift restores the accounts, not their votes", async () => {
    expect((await suspend(partnerA.id, { reason: 'Bulk accounts' })).statusCode).toBe(200);
    const suspendedSummary = (await summary(partnerA.id)).json() as PartnerSsoAccounts;
    expect(suspendedSummary.suspension).toEqual({ reason: 'Bulk accounts', suspendedAt: expect.any(String) });
    for (const externalUserId of ['a-0', 'someone-new']) {
      const refused = await signIn(partnerA, externalUserId);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ type: SUSPENDED, title: "Partner's single sign-on suspended" });
    }
    // Partner B signs its users in as before.
    expect((await signIn(partnerB, 'b-0')).statusCode).toBe(201);
    expect((await signIn(partnerB, 'b-new')).statusCode).toBe(201);
    // A second suspension keeps the first one's reason and time.
    expect((await suspend(partnerA.id, { reason: 'Again' })).statusCode).toBe(200);
    expect((await summary(partnerA.id)).json()).toMatchObject({ suspension: suspendedSummary.suspension });

    // Only an admin lifts it.
    expect((await lift(partnerA.id, mintedByA[0] as Headers)).statusCode).toBe(401);
    expect((await lift(partnerA.id, userOfB)).statusCode).toBe(403);
    expect((await lift(partnerA.id, { authorization: `Bearer ${partnerA.secretKey}` })).statusCode).toBe(401);
    expect((await lift('no-such-partner')).statusCode).toBe(404);
    const lifted = await lift(partnerA.id);
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toEqual({
      partnerId: partnerA.id,
      restoredAccounts: 10,
      liftedAt: expect.any(String),
    });
    const again = await lift(partnerA.id);
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');

    // The accounts sign in again through the partner (their old tokens stay revoked), and the
    // partner mints again; the withdrawn votes stay withdrawn.
    expect((await app.inject({ url: '/v1/me', headers: mintedByA[0] as Headers })).statusCode).toBe(401);
    const back = await ssoSignIn(app, partnerA, { externalUserId: 'a-0' });
    expect((await app.inject({ url: '/v1/me', headers: back.headers })).statusCode).toBe(200);
    expect((await signIn(partnerA, 'someone-new')).statusCode).toBe(201);
    expect(await voteCount()).toBe(2);
    expect((await summary(partnerA.id)).json()).toMatchObject({
      minted: 11,
      active: 11,
      suspended: 0,
      suspension: null,
      activity: { votes: 0 },
    });
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'subject_id', 'data'])
      .where('action', '=', 'partner.sso_accounts_restored')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: admin.accountId,
      subject_id: partnerA.id,
      data: { suspensionReason: 'Bulk accounts' },
    });
    expect((audit[0]?.data as { accountIds?: string[] } | undefined)?.accountIds).toHaveLength(10);
  });

  it('a lift leaves alone an account an admin disabled on its own, and a deleted one', async () => {
    const accountOf = async (externalUserId: string) =>
      (
        await app.db
          .selectFrom('partner_identities')
          .select('account_id')
          .where('partner_id', '=', partnerA.id)
          .where('external_user_id', '=', externalUserId)
          .executeTakeFirstOrThrow()
      ).account_id;
    const deleted = await app.inject({ method: 'DELETE', url: '/v1/me', headers: mintedByA[2] as Headers });
    expect(deleted.statusCode).toBe(204);
    expect((await suspend(partnerA.id, { reason: 'Bulk accounts' })).statusCode).toBe(200);
    const disabled = await app.inject({
      method: 'PATCH',
      url: `/v1/accounts/${await accountOf('a-1')}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const lifted = await lift(partnerA.id);
    expect(lifted.json()).toMatchObject({ restoredAccounts: 8 });
    expect((await signIn(partnerA, 'a-1')).json()).toMatchObject({
      type: 'https://worldsmartcity.org/problems/account-disabled',
    });
    expect((await signIn(partnerA, 'a-3')).statusCode).toBe(201);
  });
});
