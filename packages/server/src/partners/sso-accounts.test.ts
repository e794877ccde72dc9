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

  it('a suspension racing the partner minting and voting leaves no minted account active and every count true', async () => {
    const fresh = Array.from({ length: 8 }, (_, index) =>
      app.inject({
        method: 'POST',
        url: '/v1/sso/tokens',
        headers: { authorization: `Bearer ${partnerA.secretKey}` },
        payload: {
          externalUserId: `fresh-${index}`,
          email: `fresh-${index}@partner.example.org`,
          displayName: `Fresh ${index}`,
        },
      }),
    );
    const unvotes = mintedByA
      .slice(0, 5)
      .map((headers) =>
        app.inject({ method: 'DELETE', url: `/v1/pain-points/${painPointId}/vote`, headers }),
      );
    const [suspension] = await Promise.all([suspend(partnerA.id, { reason: 'Race' }), ...fresh, ...unvotes]);
    expect(suspension?.statusCode, suspension?.body).toBe(200);
    // What was minted after the suspension committed is suspended by a second call.
    const again = await suspend(partnerA.id, { reason: 'Race, again' });
    expect(again.statusCode).toBe(200);
    const after = (await summary(partnerA.id)).json() as PartnerSsoAccounts;
    expect(after.active).toBe(0);
    expect(after.activity.votes).toBe(0);
    expect(after.minted).toBe(18);
    expect(await voteCount()).toBe(await countVotes(app.db, painPointId));
    expect(await voteCount()).toBe(2);
  });
});
