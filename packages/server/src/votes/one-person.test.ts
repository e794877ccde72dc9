import type { PainPointView, VoteResult } from '@wsc/models';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import { trendingScoreSql } from '../community/trending';
import {
  createPartner,
  createTestServer,
  databases,
  signUp,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support';
import { countVotes } from './repository';

type Headers = Record<string, string>;

/**
 * Issue #19, "one partner is not many people": the same person voting through a community
 * session and through a partner's single sign-on counted twice. A vote now counts once per
 * person, the person being the normalised e-mail address of the account that voted.
 */
describe.each(databases())('one vote per person on $kind', ({ kind }) => {
  let app: TestServer;
  let partnerA: TestPartner;
  let partnerB: TestPartner;
  let author: Headers;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [] });
  });
  beforeEach(async () => {
    await app.reset();
    partnerA = await createPartner(app);
    partnerB = await createPartner(app);
    author = (await quickMember(app)).headers;
  });
  afterAll(() => app.dispose());

  const vote = async (painPointId: string, headers: Headers, method: 'PUT' | 'DELETE' = 'PUT') => {
    const response = await app.inject({ method, url: `/v1/pain-points/${painPointId}/vote`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as VoteResult;
  };
  const read = async (painPointId: string, headers: Headers = {}) =>
    (await app.inject({ url: `/v1/pain-points/${painPointId}`, headers })).json() as PainPointView;
  /** The counts of the pain point's `pain_point.voted` events, in the order every stream reads them. */
  const votedCounts = async (painPointId: string) =>
    (
      await app.db
        .selectFrom('outbox_events')
        .select('data')
        .where('type', '=', 'pain_point.voted')
        .where('subject_id', '=', painPointId)
        .orderBy('xact_id')
        .orderBy('id')
        .execute()
    ).map((row) => (row.data as { voteCount: number }).voteCount);
  /** The stored count, the people among the stored votes, and the trending score's agreement. */
  const stored = async (painPointId: string) => {
    const row = await app.db
      .selectFrom('pain_points')
      .select([
        'vote_count',
        'trending_score',
        trendingScoreSql(sql.ref('vote_count'), sql.ref('created_at')).as('expected_score'),
      ])
      .where('id', '=', painPointId)
      .executeTakeFirstOrThrow();
    const voters = await app.db
      .selectFrom('pain_point_voters')
      .select(['voter_key', 'votes'])
      .where('pain_point_id', '=', painPointId)
      .orderBy('voter_key')
      .execute();
    const votesByKey = await app.db
      .selectFrom('votes')
      .select(['voter_key', (eb) => eb.fn.countAll<number>().as('votes')])
      .where('pain_point_id', '=', painPointId)
      .groupBy('voter_key')
      .orderBy('voter_key')
      .execute();
    // Each voter key's row holds exactly the votes cast with it.
    expect(voters).toEqual(votesByKey.map((key) => ({ voter_key: key.voter_key, votes: Number(key.votes) })));
    expect(row.trending_score).toBe(row.expected_score);
    return { voteCount: row.vote_count, people: await countVotes(app.db, painPointId) };
  };

  it('a community account and SSO accounts with one address count once, each keeping its own vote', async () => {
    const painPoint = await postPainPoint(app, author);
    const community = await signUp(app, { email: 'ada.lovelace@example.org' });
    const throughA = await ssoSignIn(app, partnerA, {
      externalUserId: 'ada',
      email: ' Ada.Lovelace@Example.org',
    });
    const throughB = await ssoSignIn(app, partnerB, {
      externalUserId: 'u-17',
      email: 'ADA.LOVELACE@example.org',
    });
    const someoneElse = await ssoSignIn(app, partnerA, {
      externalUserId: 'grace',
      email: 'grace@example.org',
    });

    expect(await vote(painPoint.id, community.headers)).toEqual({
      painPointId: painPoint.id,
      voteCount: 1,
      voted: true,
    });
    expect(await vote(painPoint.id, throughA.headers)).toEqual({
      painPointId: painPoint.id,
      voteCount: 1,
      voted: true,
    });
    expect(await vote(painPoint.id, throughB.headers)).toMatchObject({ voteCount: 1, voted: true });
    expect(await vote(painPoint.id, someoneElse.headers)).toMatchObject({ voteCount: 2, voted: true });
    expect(await stored(painPoint.id)).toEqual({ voteCount: 2, people: 2 });
    // Every account sees its own vote; the public sees two people.
    for (const account of [community, throughA, throughB]) {
      expect(await read(painPoint.id, account.headers)).toMatchObject({ voteCount: 2, voted: true });
    }
    expect(await read(painPoint.id)).toMatchObject({ voteCount: 2 });
    // Only changes of the count are events: live pages never see a count that stays.
    expect(await votedCounts(painPoint.id)).toEqual([1, 2]);

    // Withdrawing through one account leaves the person's vote counted through the others.
    expect(await vote(painPoint.id, throughA.headers, 'DELETE')).toEqual({
      painPointId: painPoint.id,
      voteCount: 2,
      voted: false,
    });
    expect(await vote(painPoint.id, throughB.headers, 'DELETE')).toMatchObject({
      voteCount: 2,
      voted: false,
    });
    expect(await read(painPoint.id, community.headers)).toMatchObject({ voteCount: 2, voted: true });
    expect(await vote(painPoint.id, community.headers, 'DELETE')).toMatchObject({
      voteCount: 1,
      voted: false,
    });
    expect(await stored(painPoint.id)).toEqual({ voteCount: 1, people: 1 });
    expect(await votedCounts(painPoint.id)).toEqual([1, 2, 1]);
  });

  it("a partner asserting a member's address neither withdraws nor takes over the member's vote", async () => {
    const painPoint = await postPainPoint(app, author);
    const member = await signUp(app, { email: 'member@example.org' });
    await vote(painPoint.id, member.headers);
    const asserted = await ssoSignIn(app, partnerA, {
      externalUserId: 'claims-member',
      email: 'member@example.org',
    });
    expect(asserted.stakeholderId).not.toBe(member.accountId);
    // The partner's account votes and withdraws: it adds nothing, and takes nothing away.
    await vote(painPoint.id, asserted.headers);
    expect(await vote(painPoint.id, asserted.headers, 'DELETE')).toMatchObject({
      voteCount: 1,
      voted: false,
    });
    expect(await read(painPoint.id, member.headers)).toMatchObject({ voteCount: 1, voted: true });
    // It is its own account: the member's e-mail confirmation, roles and votes are not its.
    const me = (await app.inject({ url: '/v1/me', headers: asserted.headers })).json();
    expect(me).toMatchObject({ account: { id: asserted.stakeholderId, emailConfirmedAt: null } });
    expect(await stored(painPoint.id)).toEqual({ voteCount: 1, people: 1 });
    // The sort by votes counts people: three accounts of one person rank below two people.
    const crowd = await postPainPoint(app, author);
    await vote(crowd.id, member.headers);
    await vote(crowd.id, (await quickMember(app)).headers);
    const samePerson = await postPainPoint(app, author);
    for (const headers of [member.headers, asserted.headers]) await vote(samePerson.id, headers);
    const top = (await app.inject({ url: '/v1/pain-points?sort=top&limit=3' })).json()
      .data as PainPointView[];
    expect(top.map((row) => [row.id, row.voteCount])).toEqual([
      [crowd.id, 2],
      ...[
        [painPoint.id, 1],
        [samePerson.id, 1],
      ].sort((left, right) => String(right[0]).localeCompare(String(left[0]))),
    ]);
  });

  it('keeps the count exact under many votes and withdrawals at once from accounts sharing an address', async () => {
    const painPoint = await postPainPoint(app, author);
    const shared = [
      (await signUp(app, { email: 'shared@example.org' })).headers,
      ...(
        await Promise.all(
          Array.from({ length: 6 }, (_, index) =>
            ssoSignIn(app, index % 2 === 0 ? partnerA : partnerB, {
              externalUserId: `shared-${index}`,
              email: index % 3 === 0 ? 'Shared@Example.org' : 'shared@example.org',
            }),
          ),
        )
      ).map((account) => account.headers),
    ];
    const others = (await Promise.all(Array.from({ length: 10 }, () => quickMember(app)))).map(
      (member) => member.headers,
    );

    // Everyone at once: the shared address is one person.
    const answers = await Promise.all([...shared, ...others].map((headers) => vote(painPoint.id, headers)));
    expect(answers.every((answer) => answer.voted)).toBe(true);
    expect(await stored(painPoint.id)).toEqual({ voteCount: 11, people: 11 });
    expect(await votedCounts(painPoint.id)).toEqual(Array.from({ length: 11 }, (_, index) => index + 1));

    // Every shared account withdraws while half the others do: the person and five others go.
    await Promise.all(
      [...shared, ...others.slice(0, 5)].map((headers) => vote(painPoint.id, headers, 'DELETE')),
    );
    expect(await stored(painPoint.id)).toEqual({ voteCount: 5, people: 5 });

    // Votes and withdrawals of the same accounts racing each other.
    await Promise.all(
      [...shared, ...others].flatMap((headers, index) => [
        vote(painPoint.id, headers, index % 2 === 0 ? 'PUT' : 'DELETE'),
        vote(painPoint.id, headers, index % 3 === 0 ? 'DELETE' : 'PUT'),
      ]),
    );
    const final = await stored(painPoint.id);
    expect(final.voteCount).toBe(final.people);
    expect((await read(painPoint.id)).voteCount).toBe(final.voteCount);
    // In the order streams read them, counts move one at a time and end at the stored count.
    const counts = await votedCounts(painPoint.id);
    for (const [index, count] of counts.entries()) {
      expect(Math.abs(count - (index === 0 ? 0 : (counts[index - 1] as number)))).toBe(1);
    }
    expect(counts.at(-1)).toBe(final.voteCount);
  });

  it('a deleted account leaves every count as it was, and its address behind', async () => {
    const [both, alone] = [await postPainPoint(app, author), await postPainPoint(app, author)];
    const community = await signUp(app, { email: 'leaving@example.org' });
    const sso = await ssoSignIn(app, partnerA, { externalUserId: 'stays', email: 'leaving@example.org' });
    await vote(both.id, community.headers);
    await vote(both.id, sso.headers);
    await vote(alone.id, community.headers);
    const deleted = await app.inject({ method: 'DELETE', url: '/v1/me', headers: community.headers });
    expect(deleted.statusCode, deleted.body).toBe(204);

    expect(await stored(both.id)).toEqual({ voteCount: 1, people: 1 });
    expect(await stored(alone.id)).toEqual({ voteCount: 1, people: 1 });
    const keys = await app.db
      .selectFrom('votes')
      .select(['pain_point_id', 'voter_key'])
      .where('account_id', '=', community.accountId)
      .execute();
    // Where the person still votes through the SSO account, that vote is theirs; elsewhere the
    // deleted account's vote stays counted under a key that names no address.
    expect(keys).toEqual([{ pain_point_id: alone.id, voter_key: `deleted:${community.accountId}` }]);
    // The person's remaining account withdraws: their vote goes.
    expect(await vote(both.id, sso.headers, 'DELETE')).toMatchObject({ voteCount: 0 });
    expect(await votedCounts(both.id)).toEqual([1, 0]);
    expect(await votedCounts(alone.id)).toEqual([1]);
  });

  it('a merge counts a person voting for both pain points through two accounts once', async () => {
    const moderator = await quickMember(app, ['moderator']);
    const [original, duplicate] = [await postPainPoint(app, author), await postPainPoint(app, author)];
    const community = await signUp(app, { email: 'twice@example.org' });
    const sso = await ssoSignIn(app, partnerA, { externalUserId: 'twice', email: 'twice@example.org' });
    const other = await quickMember(app);
    await vote(original.id, sso.headers);
    for (const headers of [community.headers, sso.headers, other.headers]) await vote(duplicate.id, headers);
    expect(await stored(duplicate.id)).toEqual({ voteCount: 2, people: 2 });
    const marked = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${duplicate.id}/status`,
      headers: moderator.headers,
      payload: { status: 'duplicate', duplicateOf: original.id },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(await stored(original.id)).toEqual({ voteCount: 2, people: 2 });
    expect(await stored(duplicate.id)).toEqual({ voteCount: 0, people: 0 });
    expect(await read(original.id, community.headers)).toMatchObject({ voteCount: 2, voted: true });
  });
});
