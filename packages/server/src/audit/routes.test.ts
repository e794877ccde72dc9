import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import { createTestServer, databases, type TestServer } from '../test-support/index';
import { recordAudit } from './record';
import type { AuditEntryView } from './routes';

describe.each(databases())('GET /v1/audit-log on $kind', ({ kind }) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [] });
  });
  beforeEach(() => app.reset());
  afterAll(() => app?.dispose());

  const read = (query: string, headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: `/v1/audit-log${query}`, headers });

  test('admins page through it newest first, filtered by subject and actor; others are refused', async () => {
    const admin = await quickMember(app, ['admin']);
    const moderator = await quickMember(app, ['moderator']);
    const author = await quickMember(app);
    // Entries written in one transaction share one `at`: pages must neither repeat nor skip them.
    await app.db.transaction().execute(async (trx) => {
      for (let index = 0; index < 5; index += 1) {
        await recordAudit(trx, {
          actorId: moderator.accountId,
          action: 'comment.hidden',
          subjectType: 'comment',
          subjectId: `comment-${index}`,
          data: { index },
        });
      }
    });
    await recordAudit(app.db, {
      actorId: admin.accountId,
      action: 'account.updated',
      subjectType: 'account',
      subjectId: author.accountId,
    });

    const seen: AuditEntryView[] = [];
    let cursor: string | null = null;
    do {
      const response = await read(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`, admin.headers);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { data: AuditEntryView[]; nextCursor: string | null };
      seen.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(6);
    expect(seen[0]).toMatchObject({
      action: 'account.updated',
      actorId: admin.accountId,
      subjectId: author.accountId,
    });
    const times = seen.map((entry) => Date.parse(entry.at));
    expect([...times].sort((left, right) => right - left)).toEqual(times);

    const bySubject = (await read('?subjectType=comment&subjectId=comment-3', admin.headers)).json();
    expect(bySubject.data).toHaveLength(1);
    expect(bySubject.data[0]).toMatchObject({ subjectId: 'comment-3', data: { index: 3 } });
    const byActor = (await read(`?actorId=${moderator.accountId}`, admin.headers)).json();
    expect(byActor.data).toHaveLength(5);
    expect((await read('?subjectType=account', admin.headers)).json().data).toHaveLength(1);

    expect((await read('', moderator.headers)).statusCode).toBe(403);
    expect((await read('', author.headers)).statusCode).toBe(403);
    expect((await read('', {})).statusCode).toBe(401);
    expect((await read('?cursor=bm90LWEtY3Vyc29y', admin.headers)).statusCode).toBe(400);
  });

  test("a moderator's edit of someone else's pain point is audited with what was there before", async () => {
    const admin = await quickMember(app, ['admin']);
    const moderator = await quickMember(app, ['moderator']);
    const author = await quickMember(app);
    const painPoint = await postPainPoint(app, author.headers, {
      title: { en: 'Original words' },
      severity: 'high',
    });
    const edit = await app.inject({
      method: 'PATCH',
      url: `/v1/pain-points/${painPoint.id}`,
      headers: moderator.headers,
      payload: { title: { en: 'Moderated words' }, severity: 'low' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    // The author editing their own words is not a moderation action.
    await app.inject({
      method: 'PATCH',
      url: `/v1/pain-points/${painPoint.id}`,
      headers: author.headers,
      payload: { severity: 'medium' },
    });
    const page = (await read(`?subjectType=pain_point&subjectId=${painPoint.id}`, admin.headers)).json();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      action: 'pain_point.edited_by_moderator',
      actorId: moderator.accountId,
      data: {
        authorId: author.accountId,
        fields: ['title', 'severity'],
        before: { title: { en: 'Original words' }, severity: 'high' },
      },
    });
  });
});
