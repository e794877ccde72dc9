import type { Page, PainPointView } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import { createPartner, createTestServer, databases, type TestServer } from '../test-support';
import { FirstPageCache } from './first-page-cache';
import { insertPainPoint } from './repository';

type ListPage = Page<PainPointView>;

describe('FirstPageCache', () => {
  const query = { sort: 'top', limit: 20 } as const;

  it('keys by sort, filters, limit and language order; never caches a cursor page or a search', () => {
    const cache = new FirstPageCache({ ttlMilliseconds: 2000 });
    const key = cache.keyOf(query, ['en']);
    expect(key).not.toBeNull();
    expect(cache.keyOf({ ...query, cursor: 'abc' }, ['en'])).toBeNull();
    expect(cache.keyOf({ ...query, q: 'flooding' }, ['en'])).toBeNull();
    const others = [
      cache.keyOf({ ...query, sort: 'new' }, ['en']),
      cache.keyOf({ ...query, limit: 21 }, ['en']),
      cache.keyOf({ ...query, domain: 'water' }, ['en']),
      cache.keyOf(query, ['zh', 'en']),
      cache.keyOf(query, ['en', 'zh']),
    ];
    expect(new Set([key, ...others]).size).toBe(6);
    expect(new FirstPageCache({ ttlMilliseconds: 0 }).keyOf(query, ['en'])).toBeNull();
  });

  it('expires after the TTL, ignores a page read before an invalidation, stays bounded', () => {
    let now = 0;
    const cache = new FirstPageCache({ ttlMilliseconds: 2000, maxEntries: 2, now: () => now });
    const page = { body: Buffer.from('{}'), etag: '"x"', contentLanguage: 'en' };
    cache.set('a', cache.generation, page);
    now = 1999;
    expect(cache.get('a')).toMatchObject(page);
    now = 2000;
    expect(cache.get('a')).toBeUndefined();

    const before = cache.generation;
    cache.invalidate();
    cache.set('a', before, page);
    expect(cache.get('a')).toBeUndefined();

    cache.set('a', cache.generation, page);
    cache.set('b', cache.generation, page);
    cache.get('a'); // read last: b is now the least recently read
    cache.set('c', cache.generation, page);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });
});

describe.each(databases())('hot first page of GET /v1/pain-points on $kind', ({ kind }) => {
  let app: TestServer;
  let member: Awaited<ReturnType<typeof quickMember>>;

  beforeAll(async () => {
    // A long TTL: only an outbox notification (or reset) may refresh a page in these tests.
    app = await createTestServer({ kind, seeders: [], firstPageCacheMilliseconds: 60_000 });
  });
  beforeEach(async () => {
    await app.reset();
    await app.outbox.resync();
    member = await quickMember(app);
  });
  afterAll(() => app.dispose());

  async function list(query = 'sort=top', headers: Record<string, string> = {}) {
    const response = await app.inject({ url: `/v1/pain-points?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return { response, page: response.json() as ListPage };
  }

  /** A row written behind the API's back: no outbox event, so only a database read can see it. */
  async function insertSilently(title: string): Promise<string> {
    const row = await insertPainPoint(app.db, {
      slug: null,
      title: { en: title },
      description: { en: 'Written without an event' },
      language: 'en',
      domain: 'water',
      city: null,
      country: null,
      severity: 'low',
      authorId: member.accountId,
      partnerId: null,
    });
    if (!row) throw new Error('insert failed');
    return row.id;
  }

  it('serves an anonymous first page from memory: the same body and ETag, without reading the database', async () => {
    const first = await postPainPoint(app, member.headers);
    await app.outbox.caughtUp();
    const fresh = await list();
    expect(fresh.page.data.map((item) => item.id)).toEqual([first.id]);

    const unseen = await insertSilently('Not announced');
    const cached = await list();
    // A database read would have returned the silent row too.
    expect(cached.page.data.map((item) => item.id)).toEqual([first.id]);
    expect(cached.response.body).toBe(fresh.response.body);
    expect(cached.response.headers.etag).toBe(fresh.response.headers.etag);
    expect(cached.response.headers['content-language']).toBe(fresh.response.headers['content-language']);
    expect(String(cached.response.headers.vary)).toMatch(/Accept-Language/);
    const notModified = await app.inject({
      url: '/v1/pain-points?sort=top',
      headers: { 'if-none-match': String(cached.response.headers.etag) },
    });
    expect(notModified.statusCode).toBe(304);

    // Another key (a cursor page, another language order, another filter) reads the database.
    expect((await list('sort=top', { 'accept-language': 'zh' })).page.data).toHaveLength(2);
    expect((await list('sort=top&domain=water')).page.data.map((item) => item.id)).toContain(unseen);
  });

  it('a member bypasses the cache and gets their own voted flags', async () => {
    const painPoint = await postPainPoint(app, member.headers);
    await app.outbox.caughtUp();
    await list(); // cached for anonymous readers
    const unseen = await insertSilently('Not announced');
    const asMember = await list('sort=top', member.headers);
    expect(asMember.page.data.map((item) => item.id).sort()).toEqual([painPoint.id, unseen].sort());
    expect(asMember.page.data.every((item) => item.voted === false)).toBe(true);
    expect((await list()).page.data.map((item) => item.id)).toEqual([painPoint.id]);
  });

  it('a new pain point and a vote invalidate the page on this instance', async () => {
    const first = await postPainPoint(app, member.headers);
    await app.outbox.caughtUp();
    expect((await list()).page.data).toHaveLength(1);

    const second = await postPainPoint(app, member.headers);
    await app.outbox.caughtUp();
    const afterPost = await list();
    expect(afterPost.page.data.map((item) => item.id).sort()).toEqual([first.id, second.id].sort());

    const vote = await app.inject({
      method: 'PUT',
      url: `/v1/pain-points/${second.id}/vote`,
      headers: member.headers,
    });
    expect(vote.statusCode, vote.body).toBe(200);
    await app.outbox.caughtUp();
    const afterVote = await list();
    expect(afterVote.page.data[0]).toMatchObject({ id: second.id, voteCount: 1 });
    expect(afterVote.response.headers.etag).not.toBe(afterPost.response.headers.etag);
  });

  it('caches only bodies: partner CORS headers are set on every cached answer', async () => {
    const partner = await createPartner(app);
    await postPainPoint(app, member.headers);
    await app.outbox.caughtUp();
    const headers = { origin: partner.origin, 'x-wsc-publishable-key': partner.publishableKey };
    const first = await list('sort=top', headers);
    const second = await list('sort=top', headers);
    const anonymous = await list();
    expect(second.response.body).toBe(first.response.body);
    expect(anonymous.response.body).toBe(first.response.body);
    for (const { response } of [first, second]) {
      expect(response.headers['access-control-allow-origin']).toBe(partner.origin);
      expect(response.headers['x-request-id']).toBeDefined();
    }
    expect(second.response.headers['x-request-id']).not.toBe(first.response.headers['x-request-id']);
    expect(anonymous.response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
