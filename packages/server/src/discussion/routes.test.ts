import type { Comment, Page, PainPointView } from '@wsc/models';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { confirmAddresses, errorPaths, postPainPoint, quickMember } from '../community/fixtures';
import {
  createPartner,
  createTestServer,
  databases,
  ssoSignIn,
  type TestServer,
  whileAuditWriteIsSlow,
} from '../test-support';

/** A member created for a test (see quickMember). */
type Member = Awaited<ReturnType<typeof quickMember>>;

describe.each(databases())('discussion and moderation on $kind', ({ kind }) => {
  let app: TestServer;
  let author: Member;
  let other: Member;
  let painPoint: PainPointView;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [] });
  });
  beforeEach(async () => {
    await app.reset();
    author = await quickMember(app);
    other = await quickMember(app);
    painPoint = await postPainPoint(app, author.headers);
  });
  afterAll(() => app.dispose());

  async function comment(
    headers: Record<string, string>,
    payload: Record<string, unknown>,
    painPointId = painPoint.id,
  ) {
    return app.inject({ method: 'POST', url: `/v1/pain-points/${painPointId}/comments`, headers, payload });
  }

  async function posted(headers: Record<string, string>, payload: Record<string, unknown>): Promise<Comment> {
    const response = await comment(headers, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Comment;
  }

  describe('comments and replies', () => {
    it('posts a comment and a reply, counts them, lists them oldest first', async () => {
      const top = await posted(author.headers, { body: 'Same problem in Lagos', language: 'en' });
      expect(top).toMatchObject({ parentId: null, authorId: author.accountId, hidden: false, locked: false });
      const reply = await posted(other.headers, { body: 'And in Accra', parentId: top.id });
      expect(reply.parentId).toBe(top.id);
      const second = await posted(other.headers, { body: 'Second thread' });

      const threads = (
        await app.inject({ url: `/v1/pain-points/${painPoint.id}/comments` })
      ).json() as Page<Comment>;
      expect(threads.data.map((item) => item.id)).toEqual([top.id, second.id]);
      expect(threads.data[0]?.replyCount).toBe(1);
      const replies = (
        await app.inject({ url: `/v1/pain-points/${painPoint.id}/comments?parentId=${top.id}` })
      ).json() as Page<Comment>;
      expect(replies.data.map((item) => item.id)).toEqual([reply.id]);
      const read = await app.inject({ url: `/v1/pain-points/${painPoint.id}` });
      expect(read.json()).toMatchObject({ commentCount: 3 });
    });

    it('pages a long discussion with cursors', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 7; index += 1)
        ids.push((await posted(author.headers, { body: `#${index}` })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (
          await app.inject({
            url: `/v1/pain-points/${painPoint.id}/comments?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          })
        ).json() as Page<Comment>;
        seen.push(...page.data.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);
    });

    it('refuses a reply to a reply (422 parentId): threads are one level deep', async () => {
      const top = await posted(author.headers, { body: 'Top' });
      const reply = await posted(other.headers, { body: 'Reply', parentId: top.id });
      const nested = await comment(author.headers, { body: 'Nested', parentId: reply.id });
      expect(nested.statusCode).toBe(422);
      expect(errorPaths(nested.body)).toEqual(['parentId']);
    });

    it("refuses a parent from another pain point's discussion", async () => {
      const elsewhere = await postPainPoint(app, author.headers);
      const foreign = (await comment(author.headers, { body: 'Elsewhere' }, elsewhere.id)).json() as Comment;
      const response = await comment(author.headers, { body: 'Cross-thread', parentId: foreign.id });
      expect(response.statusCode).toBe(422);
      expect(errorPaths(response.body)).toEqual(['parentId']);
    });

    it('validates the body and knows unknown pain points', async () => {
      const empty = await comment(author.headers, { body: '   ' });
      expect(empty.statusCode).toBe(422);
      expect(errorPaths(empty.body)).toEqual(['body']);
      const tooLong = await comment(author.headers, { body: 'x'.repeat(5001) });
      expect(errorPaths(tooLong.body)).toEqual(['body']);
      const unknown = await comment(author.headers, { body: 'Hello' }, 'nope');
      expect(unknown.statusCode).toBe(404);
      const unknownList = await app.inject({ url: '/v1/pain-points/nope/comments' });
      expect(unknownList.statusCode).toBe(404);
      const anonymous = await comment({}, { body: 'Hello' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('records the partner a comment came through', async () => {
      const partner = await createPartner(app);
      const user = await ssoSignIn(app, partner, { externalUserId: 'c-1' });
      const created = await posted(user.headers, { body: 'Via the IEC site' });
      expect(created.partnerId).toBe(partner.id);
    });
  });

  describe('editing', () => {
    it('lets the author edit within 15 minutes', async () => {
      const created = await posted(author.headers, { body: 'Typo' });
      const response = await app.inject({
        method: 'PATCH',
        url: `/v1/comments/${created.id}`,
        headers: author.headers,
        payload: { body: 'Fixed' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ body: 'Fixed' });
      expect((response.json() as Comment).updatedAt).not.toBeNull();
    });

    it('refuses edits after the window, by others (also across partners), and of unknown comments', async () => {
      const created = await posted(author.headers, { body: 'Mine' });
      const byOther = await app.inject({
        method: 'PATCH',
        url: `/v1/comments/${created.id}`,
        headers: other.headers,
        payload: { body: 'Hijacked' },
      });
      expect(byOther.statusCode).toBe(403);
      const partner = await createPartner(app);
      const partnerUser = await ssoSignIn(app, partner, { externalUserId: 'x-1' });
      const byPartnerUser = await app.inject({
        method: 'PATCH',
        url: `/v1/comments/${created.id}`,
        headers: partnerUser.headers,
        payload: { body: 'Hijacked' },
      });
      expect(byPartnerUser.statusCode).toBe(403);
      await app.db
        .updateTable('comments')
        .set({ created_at: sql`now() - interval '16 minutes'` as never })
        .where('id', '=', created.id)
        .execute();
      const late = await app.inject({
        method: 'PATCH',
        url: `/v1/comments/${created.id}`,
        headers: author.headers,
        payload: { body: 'Too late' },
      });
      expect(late.statusCode).toBe(403);
      expect(late.json()).toMatchObject({ type: expect.stringContaining('edit-window-closed') });
      const list = (
        await app.inject({ url: `/v1/pain-points/${painPoint.id}/comments` })
      ).json() as Page<Comment>;
      expect(list.data[0]?.body).toBe('Mine');
      const unknown = await app.inject({
        method: 'PATCH',
        url: '/v1/comments/nope',
        headers: author.headers,
        payload: { body: 'x' },
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('reports', () => {
    it('accepts one report per member, hides after three distinct reporters, audits the hide', async () => {
      const created = await posted(author.headers, { body: 'Buy cheap sensors at spam.example' });
      const reporters = [other, await quickMember(app), await quickMember(app)];
      // Confirmed addresses: each member is an independent source (report-sources.test.ts).
      await confirmAddresses(
        app,
        reporters.map((reporter) => reporter.accountId),
      );
      const url = `/v1/comments/${created.id}/reports`;
      const first = await app.inject({
        method: 'POST',
        url,
        headers: reporters[0]?.headers,
        payload: { reason: 'spam' },
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        commentHidden: false,
        report: { reason: 'spam', commentId: created.id },
      });
      const again = await app.inject({
        method: 'POST',
        url,
        headers: reporters[0]?.headers,
        payload: { reason: 'abuse' },
      });
      expect(again.statusCode).toBe(409);
      const second = await app.inject({
        method: 'POST',
        url,
        headers: reporters[1]?.headers,
        payload: { reason: 'spam' },
      });
      expect(second.json()).toMatchObject({ commentHidden: false });
      const third = await app.inject({
        method: 'POST',
        url,
        headers: reporters[2]?.headers,
        payload: { reason: 'spam' },
      });
      expect(third.json()).toMatchObject({ commentHidden: true });

      const list = (
        await app.inject({ url: `/v1/pain-points/${painPoint.id}/comments` })
      ).json() as Page<Comment>;
      expect(list.data[0]).toMatchObject({ id: created.id, hidden: true, body: '' });
      const audit = await app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_id', '=', created.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'comment.hidden',
        actor_id: null,
        data: { reason: 'reports', reporters: 3, independentSources: 3 },
      });
    });

    it('hides once under concurrent reports', async () => {
      const created = await posted(author.headers, { body: 'Spam' });
      const reporters = await Promise.all(Array.from({ length: 5 }, () => quickMember(app)));
      await confirmAddresses(
        app,
        reporters.map((reporter) => reporter.accountId),
      );
      const responses = await Promise.all(
        reporters.map((reporter) =>
          app.inject({
            method: 'POST',
            url: `/v1/comments/${created.id}/reports`,
            headers: reporter.headers,
            payload: { reason: 'spam' },
          }),
        ),
      );
      expect(responses.map((response) => response.statusCode)).toEqual(Array(5).fill(201));
      const hides = await app.db
        .selectFrom('audit_log')
        .select('id')
        .where('subject_id', '=', created.id)
        .where('action', '=', 'comment.hidden')
        .execute();
      expect(hides).toHaveLength(1);
    });

    it('refuses own comments, bad reasons and unknown comments', async () => {
      const created = await posted(author.headers, { body: 'Mine' });
      const url = `/v1/comments/${created.id}/reports`;
      const own = await app.inject({
        method: 'POST',
        url,
        headers: author.headers,
        payload: { reason: 'spam' },
      });
      expect(own.statusCode).toBe(403);
      const badReason = await app.inject({
        method: 'POST',
        url,
        headers: other.headers,
        payload: { reason: 'boring' },
      });
      expect(badReason.statusCode).toBe(422);
      expect(errorPaths(badReason.body)).toEqual(['reason']);
      const otherWithoutNote = await app.inject({
        method: 'POST',
        url,
        headers: other.headers,
        payload: { reason: 'other' },
      });
      expect(errorPaths(otherWithoutNote.body)).toEqual(['note']);
      const unknown = await app.inject({
        method: 'POST',
        url: '/v1/comments/nope/reports',
        headers: other.headers,
        payload: { reason: 'spam' },
      });
      expect(unknown.statusCode).toBe(404);
      const anonymous = await app.inject({ method: 'POST', url, payload: { reason: 'spam' } });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe('moderation', () => {
    it('lets moderators hide and restore (audited), shows them hidden text, resolves reports', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const created = await posted(author.headers, { body: 'Phone number of the mayor: …' });
      await app.inject({
        method: 'POST',
        url: `/v1/comments/${created.id}/reports`,
        headers: other.headers,
        payload: { reason: 'privacy' },
      });
      const hidden = await app.inject({
        method: 'POST',
        url: `/v1/comments/${created.id}/hide`,
        headers: moderator.headers,
        payload: { reason: 'Personal data' },
      });
      expect(hidden.statusCode).toBe(200);
      expect(hidden.json()).toMatchObject({ hidden: true, body: 'Phone number of the mayor: …' });
      const publicView = (
        await app.inject({ url: `/v1/pain-points/${painPoint.id}/comments` })
      ).json() as Page<Comment>;
      expect(publicView.data[0]).toMatchObject({ hidden: true, body: '' });
      const replyToHidden = await comment(other.headers, { body: 'Reply', parentId: created.id });
      expect(replyToHidden.statusCode).toBe(409);

      const restored = await app.inject({
        method: 'POST',
        url: `/v1/comments/${created.id}/restore`,
        headers: moderator.headers,
      });
      expect(restored.json()).toMatchObject({ hidden: false });
      const openReports = await app.db
        .selectFrom('comment_reports')
        .select('id')
        .where('comment_id', '=', created.id)
        .where('resolved_at', 'is', null)
        .execute();
      expect(openReports).toEqual([]);
      const actions = await app.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('subject_id', '=', created.id)
        .orderBy('at')
        .execute();
      expect(actions).toEqual([
        { action: 'comment.hidden', actor_id: moderator.accountId },
        { action: 'comment.restored', actor_id: moderator.accountId },
      ]);
    });

    it('queues reported and hidden comments for moderators only', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const reported = await posted(author.headers, { body: 'Questionable' });
      const hiddenOne = await posted(author.headers, { body: 'Hidden by a moderator' });
      await posted(author.headers, { body: 'Fine' });
      await app.inject({
        method: 'POST',
        url: `/v1/comments/${reported.id}/reports`,
        headers: other.headers,
        payload: { reason: 'misinformation' },
      });
      await app.inject({
        method: 'POST',
        url: `/v1/comments/${hiddenOne.id}/hide`,
        headers: moderator.headers,
      });
      const queue = await app.inject({ url: '/v1/moderation/comments', headers: moderator.headers });
      expect(queue.statusCode).toBe(200);
      expect(queue.json()).toMatchObject({
        data: [{ id: reported.id, openReports: 1, body: 'Questionable', hidden: false }],
        nextCursor: null,
      });
      const hidden = await app.inject({
        url: '/v1/moderation/comments?state=hidden',
        headers: moderator.headers,
      });
      expect(hidden.json()).toMatchObject({
        data: [{ id: hiddenOne.id, hidden: true, hiddenReason: 'moderator', body: 'Hidden by a moderator' }],
      });
      expect((await app.inject({ url: '/v1/moderation/comments', headers: author.headers })).statusCode).toBe(
        403,
      );
      expect((await app.inject({ url: '/v1/moderation/comments' })).statusCode).toBe(401);
      const bad = await app.inject({ url: '/v1/moderation/comments?state=all', headers: moderator.headers });
      expect(bad.statusCode).toBe(422);
      expect(errorPaths(bad.body)).toEqual(['state']);
    });

    it('refuses members and unknown comments', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const created = await posted(author.headers, { body: 'Fine' });
      for (const action of ['hide', 'restore']) {
        const byMember = await app.inject({
          method: 'POST',
          url: `/v1/comments/${created.id}/${action}`,
          headers: author.headers,
        });
        expect(byMember.statusCode).toBe(403);
        const unknown = await app.inject({
          method: 'POST',
          url: `/v1/comments/nope/${action}`,
          headers: moderator.headers,
        });
        expect(unknown.statusCode).toBe(404);
      }
      const badBody = await app.inject({
        method: 'POST',
        url: `/v1/comments/${created.id}/hide`,
        headers: moderator.headers,
        payload: { reason: 'x'.repeat(1001) },
      });
      expect(badBody.statusCode).toBe(422);
      expect(errorPaths(badBody.body)).toEqual(['reason']);
    });

    const lockDiscussion = (moderator: Member) =>
      app.inject({ method: 'POST', url: `/v1/pain-points/${painPoint.id}/lock`, headers: moderator.headers });

    /**
     * The fault: the moderation `action` stays open for 400 ms after it locked its row (a slow
     * disk, a busy server), while `attempt` starts 150 ms in. Answers both.
     */
    async function duringSlowModeration(
      action: string,
      moderate: () => ReturnType<typeof comment>,
      attempt: () => ReturnType<typeof comment>,
    ) {
      const { slow, attempted } = await whileAuditWriteIsSlow(
        app.db,
        `new.action = '${action}'`,
        moderate,
        attempt,
      );
      return { attempted, moderated: slow };
    }

    it('a comment posted while the lock is being written waits for it and is refused', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const { attempted, moderated } = await duringSlowModeration(
        'pain_point.locked',
        () => lockDiscussion(moderator),
        () => comment(other.headers, { body: 'Just in time?' }),
      );
      expect(moderated.statusCode).toBe(200);
      expect(attempted.statusCode).toBe(409);
      const stored = await app.db
        .selectFrom('comments')
        .select('id')
        .where('pain_point_id', '=', painPoint.id)
        .execute();
      expect(stored).toEqual([]);
    });

    it('an edit made while the discussion is being locked waits for the lock and is refused', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const mine = await posted(other.headers, { body: 'Frist' });
      const { attempted, moderated } = await duringSlowModeration(
        'pain_point.locked',
        () => lockDiscussion(moderator),
        () =>
          app.inject({
            method: 'PATCH',
            url: `/v1/comments/${mine.id}`,
            headers: other.headers,
            payload: { body: 'First' },
          }),
      );
      expect(moderated.statusCode).toBe(200);
      expect(attempted.statusCode).toBe(409);
      const stored = await app.db
        .selectFrom('comments')
        .select('body')
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow();
      expect(stored.body).toBe('Frist');
    });

    it('a reply posted while its comment is being hidden waits for the hide and is refused', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const top = await posted(author.headers, { body: 'Call me on +1 555 0100' });
      const { attempted, moderated } = await duringSlowModeration(
        'comment.hidden',
        () => app.inject({ method: 'POST', url: `/v1/comments/${top.id}/hide`, headers: moderator.headers }),
        () => comment(other.headers, { body: 'Replying', parentId: top.id }),
      );
      expect(moderated.statusCode).toBe(200);
      expect(attempted.statusCode).toBe(409);
      const replies = await app.db
        .selectFrom('comments')
        .select('id')
        .where('parent_id', '=', top.id)
        .execute();
      expect(replies).toEqual([]);
    });

    it('a locked discussion takes no comments, replies or edits until unlocked', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const created = await posted(author.headers, { body: 'Before the lock' });
      await lockDiscussion(moderator);
      const list = (
        await app.inject({ url: `/v1/pain-points/${painPoint.id}/comments` })
      ).json() as Page<Comment>;
      expect(list.data[0]?.locked).toBe(true);
      expect((await comment(other.headers, { body: 'After' })).statusCode).toBe(409);
      expect((await comment(other.headers, { body: 'Reply', parentId: created.id })).statusCode).toBe(409);
      const edit = await app.inject({
        method: 'PATCH',
        url: `/v1/comments/${created.id}`,
        headers: author.headers,
        payload: { body: 'Edited' },
      });
      expect(edit.statusCode).toBe(409);
      await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${painPoint.id}/unlock`,
        headers: moderator.headers,
      });
      expect((await comment(other.headers, { body: 'After' })).statusCode).toBe(201);
    });
  });
});
