import type { Comment, ReportResult } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { confirmAddresses, postPainPoint, quickMember } from '../community/fixtures';
import {
  createPartner,
  createTestServer,
  databases,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support';

type Headers = Record<string, string>;

/**
 * Issue #19, "one partner is not many people": reports hide a comment only when they come from
 * at least two independent sources (distinct partners that minted the reporters' accounts, or
 * community accounts with confirmed addresses), and every report records the partner it came
 * through.
 */
describe.each(databases())('independent sources of reports on $kind', ({ kind }) => {
  let app: TestServer;
  let author: Awaited<ReturnType<typeof quickMember>>;
  let commentId: string;
  let partnerA: TestPartner;
  let partnerB: TestPartner;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [] });
  });
  beforeEach(async () => {
    await app.reset();
    author = await quickMember(app);
    const painPoint = await postPainPoint(app, author.headers);
    const response = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPoint.id}/comments`,
      headers: author.headers,
      payload: { body: 'The water utility publishes its leak map every month.' },
    });
    commentId = (response.json() as Comment).id;
    partnerA = await createPartner(app);
    partnerB = await createPartner(app);
  });
  afterAll(() => app.dispose());

  async function ssoUsers(partner: TestPartner, count: number, prefix: string): Promise<Headers[]> {
    const users: Headers[] = [];
    for (let index = 0; index < count; index += 1) {
      users.push((await ssoSignIn(app, partner, { externalUserId: `${prefix}-${index}` })).headers);
    }
    return users;
  }

  async function report(headers: Headers): Promise<ReportResult> {
    const response = await app.inject({
      method: 'POST',
      url: `/v1/comments/${commentId}/reports`,
      headers,
      payload: { reason: 'spam' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ReportResult;
  }

  async function publicComment(): Promise<Comment | undefined> {
    const row = await app.db
      .selectFrom('comments')
      .select('pain_point_id')
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    const page = (await app.inject({ url: `/v1/pain-points/${row.pain_point_id}/comments` })).json() as {
      data: Comment[];
    };
    return page.data.find((item) => item.id === commentId);
  }

  it('ten accounts one partner minted report a comment: it stays visible, each report names the partner', async () => {
    const results = [];
    for (const headers of await ssoUsers(partnerA, 10, 'a')) results.push(await report(headers));
    expect(results.map((result) => result.commentHidden)).toEqual(Array(10).fill(false));
    expect(results.map((result) => result.report.partnerId)).toEqual(Array(10).fill(partnerA.id));
    expect(await publicComment()).toMatchObject({ hidden: false, body: expect.stringContaining('leak map') });
    // Moderators still see every report in their queue.
    const moderator = await quickMember(app, ['moderator']);
    const queue = await app.inject({
      url: '/v1/moderation/comments?state=reported',
      headers: moderator.headers,
    });
    expect(queue.json()).toMatchObject({ data: [{ id: commentId, openReports: 10 }] });
  });

  it('ten accounts one partner minted, reporting at once, hide nothing', async () => {
    const users = await ssoUsers(partnerA, 10, 'a');
    const results = await Promise.all(users.map((headers) => report(headers)));
    expect(results.some((result) => result.commentHidden)).toBe(false);
    expect(await publicComment()).toMatchObject({ hidden: false });
  });

  it('reports through two partners hide the comment', async () => {
    const [a1, a2] = await ssoUsers(partnerA, 2, 'a');
    const [b1] = await ssoUsers(partnerB, 1, 'b');
    expect((await report(a1 as Headers)).commentHidden).toBe(false);
    expect((await report(a2 as Headers)).commentHidden).toBe(false);
    const third = await report(b1 as Headers);
    expect(third).toMatchObject({ commentHidden: true, report: { partnerId: partnerB.id } });
    expect(await publicComment()).toMatchObject({ hidden: true, body: '' });
  });

  it('unconfirmed community accounts are no source; a confirmed one beside a partner is', async () => {
    const members = [await quickMember(app), await quickMember(app), await quickMember(app)];
    for (const member of members) {
      const result = await report(member.headers);
      expect(result).toMatchObject({ commentHidden: false, report: { partnerId: null } });
    }
    const [a1] = await ssoUsers(partnerA, 1, 'a');
    // Three unconfirmed reporters and one partner: a single independent source.
    expect((await report(a1 as Headers)).commentHidden).toBe(false);
    const confirmed = await quickMember(app);
    await confirmAddresses(app, [confirmed.accountId]);
    expect((await report(confirmed.headers)).commentHidden).toBe(true);
  });

  it("a partner's publishable key does not make a community member's report that partner's source", async () => {
    const widgetOfB = { origin: partnerB.origin, 'x-wsc-publishable-key': partnerB.publishableKey };
    const members = [await quickMember(app), await quickMember(app)];
    for (const member of members) {
      const result = await report({ ...widgetOfB, ...member.headers });
      // Attribution: the report came through partner B's site.
      expect(result.report.partnerId).toBe(partnerB.id);
    }
    const [a1] = await ssoUsers(partnerA, 1, 'a');
    // Partner A minted one reporter; the others are unconfirmed community accounts.
    expect((await report(a1 as Headers)).commentHidden).toBe(false);
  });

  it("votes record the partner they came through (null for the community's own session), shown in the export", async () => {
    const row = await app.db
      .selectFrom('comments')
      .select('pain_point_id')
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    const [viaPartner] = await ssoUsers(partnerA, 1, 'a');
    const member = await quickMember(app);
    for (const headers of [viaPartner as Headers, member.headers]) {
      const response = await app.inject({
        method: 'PUT',
        url: `/v1/pain-points/${row.pain_point_id}/vote`,
        headers,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const exportOf = async (headers: Headers) =>
      (
        (await app.inject({ url: '/v1/me/export', headers })).json() as {
          votes: { partnerId: string | null }[];
        }
      ).votes;
    expect(await exportOf(viaPartner as Headers)).toMatchObject([{ partnerId: partnerA.id }]);
    expect(await exportOf(member.headers)).toMatchObject([{ partnerId: null }]);
  });
});
