import type { VoteResult } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import {
  createPartner,
  createTestServer,
  databases,
  type TestServer,
  whileAuditWriteIsSlow,
} from '../test-support';
import { countVotes } from './repository';

/** A member created for a test (see quickMember). */
type Member = Awaited<ReturnType<typeof quickMember>>;

describe.each(databases())('votes on $kind', ({ kind }) => {
  let app: TestServer;
  let member: Member;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [] });
  });
  beforeEach(async () => {
    await app.reset();
    member = await quickMember(app);
  });
  afterAll(() => app.dispose());

  async function storedCount(id: string): Promise<{ voteCount: number; votes: number }> {
    const row = await app.db
      .selectFrom('pain_points')
      .select('vote_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { voteCount: row.vote_count, votes: await countVotes(app.db, id) };
  }

  it('PUT twice leaves one vote; DELETE twice leaves none', async () => {
    const painPoint = await postPainPoint(app, member.headers);
    const url = `/v1/pain-points/${painPoint.id}/vote`;
    const first = await app.inject({ method: 'PUT', url, headers: member.headers });
    const second = await app.inject({ method: 'PUT', url, headers: member.headers });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ painPointId: painPoint.id, voteCount: 1, voted: true });
    expect(second.json()).toEqual(first.json());
    const removed = await app.inject({ method: 'DELETE', url, headers: member.headers });
    const removedAgain = await app.inject({ method: 'DELETE', url, headers: member.headers });
    expect(removed.json()).toEqual({ painPointId: painPoint.id, voteCount: 0, voted: false });
    expect(removedAgain.json()).toEqual(removed.json());
    expect(await storedCount(painPoint.id)).toEqual({ voteCount: 0, votes: 0 });
  });

  it('only a call that changed the vote records a pain_point.voted event, with the new count', async () => {
    const painPoint = await postPainPoint(app, member.headers);
    const url = `/v1/pain-points/${painPoint.id}/vote`;
    const votedEvents = async () =>
      (
        await app.db
          .selectFrom('outbox_events')
          .select('data')
          .where('type', '=', 'pain_point.voted')
          .where('subject_id', '=', painPoint.id)
          .orderBy('id')
          .execute()
      ).map((row) => row.data);
    const noVoteDelete = await app.inject({ method: 'DELETE', url, headers: member.headers });
    expect(noVoteDelete.json()).toMatchObject({ voteCount: 0, voted: false });
    expect(await votedEvents()).toEqual([]);
    await app.inject({ method: 'PUT', url, headers: member.headers });
    const repeated = await app.inject({ method: 'PUT', url, headers: member.headers });
    expect(repeated.json()).toEqual({ painPointId: painPoint.id, voteCount: 1, voted: true });
    expect(await votedEvents()).toEqual([{ painPointId: painPoint.id, voteCount: 1 }]);
    await app.inject({ method: 'DELETE', url, headers: member.headers });
    await app.inject({ method: 'DELETE', url, headers: member.headers });
    expect(await votedEvents()).toEqual([
      { painPointId: painPoint.id, voteCount: 1 },
      { painPointId: painPoint.id, voteCount: 0 },
    ]);
  });

  it("cannot touch someone else's vote: DELETE only ever removes the caller's own", async () => {
    const other = await quickMember(app);
    const painPoint = await postPainPoint(app, member.headers);
    const url = `/v1/pain-points/${painPoint.id}/vote`;
    await app.inject({ method: 'PUT', url, headers: member.headers });
    const otherDelete = await app.inject({ method: 'DELETE', url, headers: other.headers });
    expect(otherDelete.json()).toMatchObject({ voteCount: 1, voted: false });
    // Even naming the member in the body or query changes nothing: the account is the token's.
    await app.inject({
      method: 'DELETE',
      url: `${url}?accountId=${member.accountId}`,
      headers: other.headers,
      payload: { accountId: member.accountId },
    });
    expect(await storedCount(painPoint.id)).toEqual({ voteCount: 1, votes: 1 });
  });

  it('needs a signed-in member, and a known pain point', async () => {
    const painPoint = await postPainPoint(app, member.headers);
    const anonymous = await app.inject({ method: 'PUT', url: `/v1/pain-points/${painPoint.id}/vote` });
    expect(anonymous.statusCode).toBe(401);
    const partner = await createPartner(app);
    const secretKeyOnly = await app.inject({
      method: 'PUT',
      url: `/v1/pain-points/${painPoint.id}/vote`,
      headers: { authorization: `Bearer ${partner.secretKey}` },
    });
    expect(secretKeyOnly.statusCode).toBe(401);
    const unknown = await app.inject({
      method: 'PUT',
      url: '/v1/pain-points/nope/vote',
      headers: member.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const unknownDelete = await app.inject({
      method: 'DELETE',
      url: '/v1/pain-points/nope/vote',
      headers: member.headers,
    });
    expect(unknownDelete.statusCode).toBe(404);
  });

  it('records the partner a vote came through', async () => {
    const partner = await createPartner(app);
    const painPoint = await postPainPoint(app, member.headers);
    await app.inject({
      method: 'PUT',
      url: `/v1/pain-points/${painPoint.id}/vote`,
      headers: { ...member.headers, 'x-wsc-publishable-key': partner.publishableKey, origin: partner.origin },
    });
    const vote = await app.db
      .selectFrom('votes')
      .selectAll()
      .where('pain_point_id', '=', painPoint.id)
      .executeTakeFirst();
    expect(vote?.partner_id).toBe(partner.id);
  });

  it('moves votes to the original when a pain point is marked duplicate, and refuses new votes on it', async () => {
    const moderator = await quickMember(app, ['moderator']);
    const both = await quickMember(app);
    const onlyDuplicate = await quickMember(app);
    const original = await postPainPoint(app, member.headers);
    const duplicate = await postPainPoint(app, member.headers);
    for (const voter of [both, onlyDuplicate]) {
      await app.inject({
        method: 'PUT',
        url: `/v1/pain-points/${duplicate.id}/vote`,
        headers: voter.headers,
      });
    }
    await app.inject({ method: 'PUT', url: `/v1/pain-points/${original.id}/vote`, headers: both.headers });
    const marked = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${duplicate.id}/status`,
      headers: moderator.headers,
      payload: { status: 'duplicate', duplicateOf: original.id },
    });
    expect(marked.statusCode).toBe(200);
    expect(await storedCount(original.id)).toEqual({ voteCount: 2, votes: 2 });
    expect(await storedCount(duplicate.id)).toEqual({ voteCount: 0, votes: 0 });
    const late = await app.inject({
      method: 'PUT',
      url: `/v1/pain-points/${duplicate.id}/vote`,
      headers: member.headers,
    });
    expect(late.statusCode).toBe(409);
    // The moved vote is withdrawn on the original, where it lives now; here it is refused.
    const withdrawn = await app.inject({
      method: 'DELETE',
      url: `/v1/pain-points/${duplicate.id}/vote`,
      headers: both.headers,
    });
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json()).toMatchObject({
      type: 'https://worldsmartcity.org/problems/duplicate-pain-point',
      detail: expect.stringMatching(new RegExp(`^Withdraw the vote on the original: .*${original.id}`)),
    });
    expect(await storedCount(original.id)).toEqual({ voteCount: 2, votes: 2 });
    const audit = await app.db
      .selectFrom('audit_log')
      .select('data')
      .where('subject_id', '=', duplicate.id)
      .executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ to: 'duplicate', duplicateOf: original.id, votesMoved: 1 });
    // Pages following the original on a live stream see its new count.
    const originalEvents = await app.db
      .selectFrom('outbox_events')
      .select(['type', 'data'])
      .where('subject_id', '=', original.id)
      .where('type', '=', 'pain_point.updated')
      .execute();
    expect(originalEvents.map((event) => (event.data as { voteCount: number }).voteCount)).toEqual([2]);
  });

  // Before the fixes, the vote was stored on the duplicate after its votes had moved, and the
  // withdrawal answered 200 with `voted: false` while the member's vote stayed on the original.
  it.each([
    ['PUT', 'a vote from another member'],
    ['DELETE', 'the withdrawal of the moved vote'],
  ] as const)('%s during a merge (%s) waits for the merge and is refused (409)', async (method, _case) => {
    const moderator = await quickMember(app, ['moderator']);
    const voter = method === 'PUT' ? await quickMember(app) : member;
    const original = await postPainPoint(app, member.headers);
    const duplicate = await postPainPoint(app, member.headers);
    await app.inject({ method: 'PUT', url: `/v1/pain-points/${duplicate.id}/vote`, headers: member.headers });
    // The fault: the merge stays open 400 ms after it took the pain points' turns.
    const { slow: merge, attempted: answer } = await whileAuditWriteIsSlow(
      app.db,
      "new.action = 'pain_point.status_changed'",
      () =>
        app.inject({
          method: 'POST',
          url: `/v1/pain-points/${duplicate.id}/status`,
          headers: moderator.headers,
          payload: { status: 'duplicate', duplicateOf: original.id },
        }),
      () => app.inject({ method, url: `/v1/pain-points/${duplicate.id}/vote`, headers: voter.headers }),
    );
    expect(merge.statusCode).toBe(200);
    expect(answer.statusCode, answer.body).toBe(409);
    expect(await storedCount(duplicate.id)).toEqual({ voteCount: 0, votes: 0 });
    expect(await storedCount(original.id)).toEqual({ voteCount: 1, votes: 1 });
  });

  it('refuses to mark a pain point duplicate of a duplicate (422 on duplicateOf), so votes never land on one', async () => {
    const moderator = await quickMember(app, ['moderator']);
    const [first, second, third] = [
      await postPainPoint(app, member.headers),
      await postPainPoint(app, member.headers),
      await postPainPoint(app, member.headers),
    ];
    const mark = (id: string, duplicateOf: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/pain-points/${id}/status`,
        headers: moderator.headers,
        payload: { status: 'duplicate', duplicateOf },
      });
    expect((await mark(second.id, first.id)).statusCode).toBe(200);
    for (const refused of [await mark(first.id, second.id), await mark(third.id, second.id)]) {
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors).toEqual([
        { path: 'duplicateOf', message: `Marked duplicate of ${first.id}: name that one` },
      ]);
    }
    const statuses = await app.db
      .selectFrom('pain_points')
      .select(['id', 'status'])
      .where('id', 'in', [first.id, third.id])
      .execute();
    expect(statuses.map((row) => row.status)).toEqual(['open', 'open']);
  });

  it('two moderators marking two pain points duplicates of each other at once: one wins, the other gets 422, never a 500', async () => {
    const first = await quickMember(app, ['moderator']);
    const second = await quickMember(app, ['moderator']);
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async () => ({
        a: await postPainPoint(app, member.headers),
        b: await postPainPoint(app, member.headers),
      })),
    );
    for (const { a, b } of pairs) {
      for (const voter of [member, first]) {
        await app.inject({ method: 'PUT', url: `/v1/pain-points/${a.id}/vote`, headers: voter.headers });
      }
      await app.inject({ method: 'PUT', url: `/v1/pain-points/${b.id}/vote`, headers: member.headers });
    }
    const mark = (moderator: Member, id: string, duplicateOf: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/pain-points/${id}/status`,
        headers: moderator.headers,
        payload: { status: 'duplicate', duplicateOf },
      });
    const answers = await Promise.all(
      pairs.map(({ a, b }) => Promise.all([mark(first, a.id, b.id), mark(second, b.id, a.id)])),
    );
    for (const [index, { a, b }] of pairs.entries()) {
      const codes = (answers[index] ?? []).map((answer) => answer.statusCode).sort();
      expect(codes).toEqual([200, 422]);
      // Whichever won, the member's two votes and the moderator's one end on the original as two.
      const counts = [await storedCount(a.id), await storedCount(b.id)];
      for (const stored of counts) expect(stored.voteCount).toBe(stored.votes);
      expect(counts.map((stored) => stored.votes).sort()).toEqual([0, 2]);
    }
  });

  it('concurrent votes: each writes its event (ids in commit order) and its webhook delivery with the vote', async () => {
    const partner = await createPartner(app);
    // A loopback receiver (nothing listens: only the stored deliveries matter here).
    app.config.webhookAllowPrivate = true;
    const endpoint = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { url: 'http://127.0.0.1:9/votes', eventTypes: ['pain_point.voted'] },
    });
    app.config.webhookAllowPrivate = false;
    expect(endpoint.statusCode).toBe(201);
    const painPoint = await postPainPoint(app, member.headers);
    const url = `/v1/pain-points/${painPoint.id}/vote`;
    const voters = await Promise.all(Array.from({ length: 30 }, () => quickMember(app)));
    const answers = await Promise.all(
      voters.map((voter) => app.inject({ method: 'PUT', url, headers: voter.headers })),
    );
    expect(answers.every((response) => response.statusCode === 200)).toBe(true);
    const events = await app.db
      .selectFrom('outbox_events')
      .select(['id', 'data', 'topics'])
      .where('type', '=', 'pain_point.voted')
      .where('subject_id', '=', painPoint.id)
      .orderBy('xact_id')
      .orderBy('id')
      .execute();
    // Each vote takes the pain point's turn before its transaction has an id, so the outbox
    // order (transaction, then id) follows the counts: a replay from any Last-Event-ID sees the
    // counts rise one by one.
    expect(events.map((event) => (event.data as { voteCount: number }).voteCount)).toEqual(
      Array.from({ length: 30 }, (_, index) => index + 1),
    );
    expect(events[0]?.topics).toEqual(['votes', `pain-points/${painPoint.id}`]);
    const deliveries = await app.db
      .selectFrom('webhook_deliveries')
      .select('event_id')
      .where(
        'event_id',
        'in',
        events.map((event) => event.id),
      )
      .execute();
    expect(deliveries.map((delivery) => Number(delivery.event_id)).sort((x, y) => x - y)).toEqual(
      events.map((event) => Number(event.id)),
    );
  });

  it('keeps vote_count equal to the stored votes under 50 concurrent voters and 20 concurrent repeats', async () => {
    const painPoint = await postPainPoint(app, member.headers);
    const url = `/v1/pain-points/${painPoint.id}/vote`;
    const voters = await Promise.all(Array.from({ length: 50 }, () => quickMember(app)));
    const many = await Promise.all(
      voters.map((voter) => app.inject({ method: 'PUT', url, headers: voter.headers })),
    );
    expect(many.every((response) => response.statusCode === 200)).toBe(true);
    expect(await storedCount(painPoint.id)).toEqual({ voteCount: 50, votes: 50 });

    const repeats = await Promise.all(
      Array.from({ length: 20 }, () => app.inject({ method: 'PUT', url, headers: member.headers })),
    );
    expect(repeats.every((response) => response.statusCode === 200)).toBe(true);
    expect(repeats.map((response) => (response.json() as VoteResult).voted)).toEqual(Array(20).fill(true));
    expect(await storedCount(painPoint.id)).toEqual({ voteCount: 51, votes: 51 });

    // Votes and withdrawals racing each other still agree with the table.
    await Promise.all(
      voters
        .slice(0, 30)
        .flatMap((voter, index) => [
          app.inject({ method: index % 2 === 0 ? 'DELETE' : 'PUT', url, headers: voter.headers }),
          app.inject({ method: 'DELETE', url, headers: voter.headers }),
        ]),
    );
    const final = await storedCount(painPoint.id);
    expect(final.voteCount).toBe(final.votes);
    // 15 voters withdrew for sure; 15 raced a PUT against a DELETE, whichever came last won.
    expect(final.votes).toBeGreaterThanOrEqual(21);
    expect(final.votes).toBeLessThanOrEqual(36);
    const read = await app.inject({ url: `/v1/pain-points/${painPoint.id}` });
    expect(read.json()).toMatchObject({ voteCount: final.votes });
  });
});
