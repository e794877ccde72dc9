import type { PainPointView } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths, postPainPoint, quickMember } from '../community/fixtures';
import { createPartner, createTestServer, databases, ssoSignIn, type TestServer } from '../test-support';

/** A member created for a test (see quickMember). */
type Member = Awaited<ReturnType<typeof quickMember>>;

describe.each(databases())('pain points on $kind', ({ kind }) => {
  let app: TestServer;
  let member: Member;
  let other: Member;

  beforeAll(async () => {
    // No seed data: these tests post their own pain points.
    app = await createTestServer({ kind, seeders: [] });
  });
  beforeEach(async () => {
    await app.reset();
    member = await quickMember(app);
    other = await quickMember(app);
  });
  afterAll(() => app.dispose());

  describe('POST /v1/pain-points', () => {
    it('creates an open pain point for the member, in their language', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        // A Chinese author's browser: without it the answer would be served in English first.
        headers: { ...member.headers, 'accept-language': 'zh-CN' },
        payload: {
          title: { zh: '城市交通拥堵严重', en: 'Severe traffic congestion' },
          description: { zh: '早高峰时段主干道拥堵' },
          domain: 'mobility',
          city: '深圳',
          country: 'CN',
          severity: 'high',
        },
      });
      expect(response.statusCode).toBe(201);
      const painPoint = response.json() as PainPointView;
      expect(response.headers.location).toBe(`/v1/pain-points/${painPoint.id}`);
      expect(painPoint).toMatchObject({
        status: 'open',
        language: 'zh',
        title: { zh: '城市交通拥堵严重' },
        voteCount: 0,
        commentCount: 0,
        authorId: member.accountId,
        partnerId: null,
        locked: false,
        sample: false,
      });
      // The author's language is stored; a reader with no preference gets English first.
      const stored = await app.db
        .selectFrom('pain_points')
        .select('language')
        .where('id', '=', painPoint.id)
        .executeTakeFirstOrThrow();
      expect(stored.language).toBe('zh');
      const anyReader = await app.inject({ url: `/v1/pain-points/${painPoint.id}` });
      expect(anyReader.json()).toMatchObject({ language: 'en', title: { en: 'Severe traffic congestion' } });
    });

    it('refuses anonymous callers with 401', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        payload: { title: { en: 'x' }, description: { en: 'y' }, domain: 'water' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('names every failing field', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        headers: member.headers,
        payload: { title: { en: '   ' }, description: { en: 'ok' }, domain: 'moon', country: 'france' },
      });
      expect(response.statusCode).toBe(422);
      expect(errorPaths(response.body)).toEqual(expect.arrayContaining(['title', 'domain', 'country']));
    });

    it('refuses an author language the title is not written in', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        headers: member.headers,
        payload: { title: { en: 'Leaks' }, description: { en: 'Leaks' }, domain: 'water', language: 'ar' },
      });
      expect(response.statusCode).toBe(422);
      expect(errorPaths(response.body)).toEqual(['language']);
    });

    it('answers 400 to malformed JSON', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        headers: { ...member.headers, 'content-type': 'application/json' },
        payload: '{"title":',
      });
      expect(response.statusCode).toBe(400);
    });

    it('ignores fields a member may not set (no mass assignment)', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        headers: member.headers,
        payload: {
          title: { en: 'Leaks' },
          description: { en: 'Leaks' },
          domain: 'water',
          status: 'addressed',
          voteCount: 1000,
          authorId: other.accountId,
          partnerId: 'someone-else',
          sample: true,
          locked: true,
        },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        status: 'open',
        voteCount: 0,
        authorId: member.accountId,
        partnerId: null,
        sample: false,
        locked: false,
      });
    });

    it('refuses bodies over the size limit with 413', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        headers: { ...member.headers, 'content-type': 'application/json' },
        payload: JSON.stringify({
          title: { en: 'x' },
          description: { en: 'y'.repeat(2_000_000) },
          domain: 'water',
        }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('records the partner a member posted through', async () => {
      const partner = await createPartner(app);
      const user = await ssoSignIn(app, partner, { externalUserId: 'planner-1' });
      const painPoint = await postPainPoint(app, user.headers);
      expect(painPoint.partnerId).toBe(partner.id);
    });
  });

  describe('GET /v1/pain-points/{id}', () => {
    it('serves the language Accept-Language asks for and says which one', async () => {
      const created = await postPainPoint(app, member.headers, {
        title: { zh: '供水管网漏损', en: 'Water network leaks', fr: 'Fuites du réseau' },
        description: { zh: '老旧管道', en: 'Old pipes' },
      });
      const french = await app.inject({
        url: `/v1/pain-points/${created.id}`,
        headers: { 'accept-language': 'fr-CH, fr;q=0.9' },
      });
      expect(french.statusCode).toBe(200);
      expect(french.headers['content-language']).toBe('fr');
      expect(french.headers.vary).toContain('Accept-Language');
      const body = french.json() as PainPointView;
      expect(body.language).toBe('fr');
      expect(body.title).toEqual({ fr: 'Fuites du réseau' });
      // No French description: English comes before the author's Chinese.
      expect(body.description).toEqual({ en: 'Old pipes' });

      const russian = await app.inject({
        url: `/v1/pain-points/${created.id}`,
        headers: { 'accept-language': 'ru' },
      });
      expect((russian.json() as PainPointView).language).toBe('en');
      expect(russian.headers['content-language']).toBe('en');

      // Without English, the author's language comes before the other fallbacks (fr here).
      const noEnglish = await postPainPoint(app, member.headers, {
        title: { fr: 'Fuites', zh: '漏损' },
        description: { fr: 'Tuyaux', zh: '管道' },
        language: 'zh',
      });
      const arabic = await app.inject({
        url: `/v1/pain-points/${noEnglish.id}`,
        headers: { 'accept-language': 'ar' },
      });
      expect(arabic.json()).toMatchObject({ language: 'zh', title: { zh: '漏损' } });
    });

    it('keeps the CORS Vary header and adds Accept-Language for partner pages', async () => {
      const partner = await createPartner(app);
      const created = await postPainPoint(app, member.headers);
      const response = await app.inject({
        url: `/v1/pain-points/${created.id}`,
        headers: { origin: partner.origin, 'x-wsc-publishable-key': partner.publishableKey },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers.vary).toContain('Origin');
      expect(response.headers.vary).toContain('Accept-Language');
    });

    it('treats hostile ids and queries as data', async () => {
      const created = await postPainPoint(app, member.headers);
      const injected = await app.inject({ url: `/v1/pain-points/${encodeURIComponent("x' or '1'='1")}` });
      expect(injected.statusCode).toBe(404);
      const search = await app.inject({
        url: `/v1/pain-points?q=${encodeURIComponent("'; drop table pain_points; --")}`,
      });
      expect(search.statusCode).toBe(200);
      expect(search.json()).toEqual({ data: [], nextCursor: null });
      expect((await app.inject({ url: `/v1/pain-points/${created.id}` })).statusCode).toBe(200);
    });

    it('answers 404 for an unknown id', async () => {
      const response = await app.inject({ url: '/v1/pain-points/no-such-pain-point' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({
        status: 404,
        type: 'https://worldsmartcity.org/problems/not-found',
        detail: 'No pain point has the id no-such-pain-point.',
      });
    });
  });

  describe('PATCH /v1/pain-points/{id}', () => {
    it('refuses a body with none of the known fields with 422 naming the body', async () => {
      const created = await postPainPoint(app, member.headers, { title: { en: 'Flooded underpasses' } });
      for (const payload of [{ titel: { en: 'typo' } }, {}, { note: 'only a note' }]) {
        const response = await app.inject({
          method: 'PATCH',
          url: `/v1/pain-points/${created.id}`,
          headers: member.headers,
          payload,
        });
        expect(response.statusCode, JSON.stringify(payload)).toBe(422);
        expect(errorPaths(response.body)).toEqual(['']);
      }
      const stored = await app.inject({ url: `/v1/pain-points/${created.id}` });
      expect(stored.json().updatedAt).toBe(created.updatedAt);
    });

    it('lets the author add a translation without losing the others', async () => {
      const created = await postPainPoint(app, member.headers, { title: { en: 'Flooded underpasses' } });
      const response = await app.inject({
        method: 'PATCH',
        url: `/v1/pain-points/${created.id}`,
        headers: { ...member.headers, 'accept-language': 'es' },
        payload: { title: { es: 'Pasos inferiores inundados' }, severity: 'critical' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        title: { es: 'Pasos inferiores inundados' },
        severity: 'critical',
      });
      const english = await app.inject({
        url: `/v1/pain-points/${created.id}`,
        headers: { 'accept-language': 'en' },
      });
      expect(english.json()).toMatchObject({ title: { en: 'Flooded underpasses' } });
    });

    it("refuses to edit someone else's pain point, and keeps it unchanged", async () => {
      const created = await postPainPoint(app, member.headers, { title: { en: 'Original' } });
      const response = await app.inject({
        method: 'PATCH',
        url: `/v1/pain-points/${created.id}`,
        headers: other.headers,
        payload: { title: { en: 'Vandalized' } },
      });
      expect(response.statusCode).toBe(403);
      const after = await app.inject({ url: `/v1/pain-points/${created.id}` });
      expect(after.json()).toMatchObject({ title: { en: 'Original' } });
    });

    it("refuses a partner's user editing another partner's user's pain point", async () => {
      const partnerA = await createPartner(app);
      const partnerB = await createPartner(app);
      const userA = await ssoSignIn(app, partnerA, { externalUserId: 'a-1' });
      const userB = await ssoSignIn(app, partnerB, { externalUserId: 'b-1' });
      const created = await postPainPoint(app, userA.headers);
      const response = await app.inject({
        method: 'PATCH',
        url: `/v1/pain-points/${created.id}`,
        headers: userB.headers,
        payload: { severity: 'low' },
      });
      expect(response.statusCode).toBe(403);
    });

    it('lets a moderator edit', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const created = await postPainPoint(app, member.headers);
      const response = await app.inject({
        method: 'PATCH',
        url: `/v1/pain-points/${created.id}`,
        headers: moderator.headers,
        payload: { domain: 'energy' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ domain: 'energy' });
    });

    it('refuses removing the original language and unknown ids', async () => {
      const created = await postPainPoint(app, member.headers, { title: { en: 'Only English' } });
      const emptied = await app.inject({
        method: 'PATCH',
        url: `/v1/pain-points/${created.id}`,
        headers: member.headers,
        payload: { title: { en: '', fr: 'Seulement français' } },
      });
      expect(emptied.statusCode).toBe(422);
      expect(errorPaths(emptied.body)).toEqual(['title.en']);
      const unknown = await app.inject({
        method: 'PATCH',
        url: '/v1/pain-points/unknown',
        headers: member.headers,
        payload: { severity: 'low' },
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('POST /v1/pain-points/{id}/status', () => {
    it('lets an expert triage and map, records the move in the audit log', async () => {
      const expert = await quickMember(app, ['expert']);
      const created = await postPainPoint(app, member.headers);
      const review = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/status`,
        headers: expert.headers,
        payload: { status: 'under-review', note: 'Checking ISO 24510' },
      });
      expect(review.statusCode).toBe(200);
      expect(review.json()).toMatchObject({ status: 'under-review' });
      const audit = await app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_id', '=', created.id)
        .where('action', '=', 'pain_point.status_changed')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_id: expert.accountId,
        data: { from: 'open', to: 'under-review' },
      });
    });

    it('refuses members (403), illegal moves (409) and a duplicate without original (422)', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const created = await postPainPoint(app, member.headers);
      const byOther = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/status`,
        headers: other.headers,
        payload: { status: 'under-review' },
      });
      expect(byOther.statusCode).toBe(403);
      const illegal = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/status`,
        headers: moderator.headers,
        payload: { status: 'addressed' },
      });
      expect(illegal.statusCode).toBe(409);
      const duplicate = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/status`,
        headers: moderator.headers,
        payload: { status: 'duplicate' },
      });
      expect(duplicate.statusCode).toBe(422);
      expect(errorPaths(duplicate.body)).toContain('duplicateOf');
      const unknownOriginal = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/status`,
        headers: moderator.headers,
        payload: { status: 'duplicate', duplicateOf: 'nope' },
      });
      expect(unknownOriginal.statusCode).toBe(422);
      const badStatus = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/status`,
        headers: moderator.headers,
        payload: { status: 'solved' },
      });
      expect(badStatus.statusCode).toBe(422);
      expect(errorPaths(badStatus.body)).toContain('status');
      const unknown = await app.inject({
        method: 'POST',
        url: '/v1/pain-points/nope/status',
        headers: moderator.headers,
        payload: { status: 'closed' },
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('lets the author close through PATCH status, and staff mark duplicates', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const original = await postPainPoint(app, member.headers);
      const created = await postPainPoint(app, member.headers);
      const closed = await app.inject({
        method: 'PATCH',
        url: `/v1/pain-points/${created.id}`,
        headers: member.headers,
        payload: { status: 'closed' },
      });
      expect(closed.json()).toMatchObject({ status: 'closed' });
      await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/status`,
        headers: moderator.headers,
        payload: { status: 'open' },
      });
      const duplicate = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/status`,
        headers: moderator.headers,
        payload: { status: 'duplicate', duplicateOf: original.id },
      });
      expect(duplicate.json()).toMatchObject({ status: 'duplicate', duplicateOf: original.id });
    });
  });

  describe('lock and unlock', () => {
    it('are for moderators and are audited', async () => {
      const moderator = await quickMember(app, ['moderator']);
      const created = await postPainPoint(app, member.headers);
      const byMember = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/lock`,
        headers: member.headers,
      });
      expect(byMember.statusCode).toBe(403);
      const locked = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/lock`,
        headers: moderator.headers,
      });
      expect(locked.json()).toMatchObject({ locked: true });
      const unlocked = await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${created.id}/unlock`,
        headers: moderator.headers,
      });
      expect(unlocked.json()).toMatchObject({ locked: false });
      const actions = await app.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', created.id)
        .orderBy('at')
        .execute();
      expect(actions.map((row) => row.action)).toEqual(['pain_point.locked', 'pain_point.unlocked']);
      const unknown = await app.inject({
        method: 'POST',
        url: '/v1/pain-points/x/lock',
        headers: moderator.headers,
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
