import type { Comment } from '@wsc/models';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { standardsSeeder } from '../standards/seed';
import { createTestServer, databases, type TestServer, writeMix } from '../test-support';
import { confirmAddresses, postPainPoint, quickMember } from './fixtures';

type Member = Awaited<ReturnType<typeof quickMember>>;

// Every write route of the community features at once (comment edits included), on a few pain points, by members,
// moderators and an expert, some of whom delete their accounts meanwhile: whatever the
// interleaving, each request gets a deliberate answer (never a 5xx, which is what a deadlock or a
// broken invariant surfaces as; the server logs its cause at error level), and the stored counts
// stay equal to the stored rows.
describe.each(databases())('mixed concurrent writes on $kind', ({ kind }) => {
  let app: TestServer;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [standardsSeeder], logLevel: 'error' });
  });
  beforeEach(() => app.reset());
  afterAll(() => app.dispose());

  it('answers 240 mixed writes at once without a 5xx, and counts stay equal to the stored rows', async () => {
    const { random, pick, add, run } = writeMix(20261126);
    const members: Member[] = await Promise.all(Array.from({ length: 16 }, () => quickMember(app)));
    // Confirmed addresses: each member is an independent source of reports (the hiding rule).
    await confirmAddresses(
      app,
      members.map((member) => member.accountId),
    );
    const moderators = [await quickMember(app, ['moderator']), await quickMember(app, ['moderator'])];
    const expert = await quickMember(app, ['expert']);
    const author = members[0] as Member;
    const painPoints = await Promise.all(Array.from({ length: 4 }, () => postPainPoint(app, author.headers)));
    const comments: Comment[] = [];
    for (const painPoint of painPoints) {
      for (const member of members.slice(0, 3)) {
        const response = await app.inject({
          method: 'POST',
          url: `/v1/pain-points/${painPoint.id}/comments`,
          headers: member.headers,
          payload: { body: 'A first comment' },
        });
        comments.push(response.json() as Comment);
      }
    }
    const standards = ['iso-37120-2018', 'iso-37122-2019', 'iso-37101-2016'];
    for (let index = 0; index < 240; index += 1) {
      const painPoint = pick(painPoints);
      const other = pick(painPoints);
      const member = pick(members);
      const moderator = pick(moderators);
      const comment = pick(comments);
      const choice = random();
      if (choice < 0.3) {
        const method = random() < 0.7 ? 'PUT' : 'DELETE';
        add(`vote ${method}`, () =>
          app.inject({ method, url: `/v1/pain-points/${painPoint.id}/vote`, headers: member.headers }),
        );
      } else if (choice < 0.42) {
        const parentId = random() < 0.5 ? comment.id : undefined;
        add('comment', () =>
          app.inject({
            method: 'POST',
            url: `/v1/pain-points/${parentId ? comment.painPointId : painPoint.id}/comments`,
            headers: member.headers,
            payload: { body: 'Same here', ...(parentId ? { parentId } : {}) },
          }),
        );
      } else if (choice < 0.55) {
        add('report', () =>
          app.inject({
            method: 'POST',
            url: `/v1/comments/${comment.id}/reports`,
            headers: member.headers,
            payload: { reason: 'spam' },
          }),
        );
      } else if (choice < 0.62) {
        const action = pick(['hide', 'restore']);
        add('hidecomment', () =>
          app.inject({
            method: 'POST',
            url: `/v1/comments/${comment.id}/${action}`,
            headers: moderator.headers,
          }),
        );
      } else if (choice < 0.68) {
        const action = pick(['lock', 'unlock']);
        add('lock', () =>
          app.inject({
            method: 'POST',
            url: `/v1/pain-points/${painPoint.id}/${action}`,
            headers: moderator.headers,
          }),
        );
      } else if (choice < 0.76) {
        add('patch', () =>
          app.inject({
            method: 'PATCH',
            url: `/v1/pain-points/${painPoint.id}`,
            headers: author.headers,
            payload: { severity: pick(['low', 'medium', 'high', 'critical']) },
          }),
        );
      } else if (choice < 0.84) {
        add('map', () =>
          app.inject({
            method: 'POST',
            url: `/v1/pain-points/${painPoint.id}/standards`,
            headers: expert.headers,
            payload: { standardId: pick(standards), coverage: pick(['full', 'partial', 'none']) },
          }),
        );
      } else if (choice < 0.9) {
        const status = pick(['under-review', 'closed', 'duplicate']);
        add('status', () =>
          app.inject({
            method: 'POST',
            url: `/v1/pain-points/${painPoint.id}/status`,
            headers: moderator.headers,
            payload: status === 'duplicate' ? { status, duplicateOf: other.id } : { status },
          }),
        );
      } else if (choice < 0.93 && member !== author) {
        add('deleteme', () => app.inject({ method: 'DELETE', url: '/v1/me', headers: member.headers }));
      } else if (choice < 0.97) {
        const commenter = members.find((someone) => someone.accountId === comment.authorId) as Member;
        add('edit comment', () =>
          app.inject({
            method: 'PATCH',
            url: `/v1/comments/${comment.id}`,
            headers: commenter.headers,
            payload: { body: 'A first comment, edited' },
          }),
        );
      } else {
        add('read', () => app.inject({ url: `/v1/pain-points/${painPoint.id}`, headers: member.headers }));
      }
    }
    const answers = await run();
    // Each kind of write went through at least once (a mix refused wholesale would prove nothing);
    // comment edits may all meet a lock or a hide first, which refuses them (409) by the rules.
    const wentThrough = (label: string, status: number) =>
      status < 300 || (label === 'edit comment' && status === 409);
    const succeeded = new Set(
      answers.filter((answer) => wentThrough(answer.label, answer.statusCode)).map((answer) => answer.label),
    );
    expect([...succeeded].sort()).toEqual([...new Set(answers.map((answer) => answer.label))].sort());
    const failures = answers
      .filter((answer) => answer.statusCode >= 500)
      .map((answer) => `${answer.statusCode} ${answer.body}`);
    expect(failures).toEqual([]);

    const counts = await sql<{ id: string; vote_count: number; votes: number; comment_count: number }>`
      select pain_points.id, pain_points.vote_count, pain_points.comment_count,
        (select count(*)::int from votes where votes.pain_point_id = pain_points.id) as votes
      from pain_points
    `.execute(app.db);
    for (const row of counts.rows) expect(row.vote_count, row.id).toBe(row.votes);
    // A comment reported by three distinct (confirmed) members is hidden unless a moderator restored it.
    const reported = await sql<{ id: string; reporters: number; hidden: boolean; restored: number }>`
      select comments.id, comments.hidden_at is not null as hidden,
        (select count(distinct reporter_id)::int from comment_reports where comment_id = comments.id) as reporters,
        (select count(*)::int from audit_log where subject_id = comments.id and action = 'comment.restored') as restored
      from comments
    `.execute(app.db);
    for (const row of reported.rows) {
      if (row.reporters >= 3 && row.restored === 0) expect(row.hidden, row.id).toBe(true);
    }
  }, 60_000);
});
