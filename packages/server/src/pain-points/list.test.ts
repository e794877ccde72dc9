import { type Page, type PainPointSort, type PainPointView, PainPointViewSchema } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths, postPainPoint, quickMember } from '../community/fixtures';
import { trendingScore } from '../community/trending';
import { standardsSeeder } from '../standards/seed';
import { createTestServer, databases, type TestServer } from '../test-support';
import { changeVote } from '../votes/repository';
import { insertPainPoint } from './repository';

/** A member created for a test (see quickMember). */
type Member = Awaited<ReturnType<typeof quickMember>>;

type ListPage = Page<PainPointView>;

describe.each(databases())('listing and searching pain points on $kind', ({ kind }) => {
  let app: TestServer;
  let member: Member;

  beforeAll(async () => {
    // No sample pain points: these tests count rows.
    app = await createTestServer({ kind, seeders: [standardsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    member = await quickMember(app);
  });
  afterAll(() => app.dispose());

  async function list(query: string, headers: Record<string, string> = {}): Promise<ListPage> {
    const response = await app.inject({ url: `/v1/pain-points?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ListPage;
  }

  async function listAll(query: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ListPage = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(limit);
      ids.push(...page.data.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  /** Pain points created at distinct past times, with 0..4 real votes each (votes from voters). */
  async function seedRows(count: number, voters: Member[]): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const row = await insertPainPoint(app.db, {
        slug: null,
        title: { en: `Row ${index}` },
        description: { en: 'Generated for paging' },
        language: 'en',
        domain: 'water',
        city: null,
        country: null,
        severity: 'low',
        authorId: member.accountId,
        partnerId: null,
        createdAt: new Date(Date.UTC(2024, 0, 1) + index * 3_600_000 + (index % 3)),
      });
      if (!row) throw new Error('insert failed');
      for (const voter of voters.slice(0, index % (voters.length + 1))) {
        await changeVote(app.db, {
          painPointId: row.id,
          accountId: voter.accountId,
          partnerId: null,
          voted: true,
        });
      }
      ids.push(row.id);
    }
    return ids;
  }

  it('filters by domain, country, city, status and standard', async () => {
    const expert = await quickMember(app, ['expert']);
    const singapore = await postPainPoint(app, member.headers, {
      domain: 'water',
      city: 'Singapore',
      country: 'SG',
    });
    const geneva = await postPainPoint(app, member.headers, {
      domain: 'energy',
      city: 'Genève',
      country: 'CH',
    });
    await postPainPoint(app, member.headers, { domain: 'water', city: 'Lagos', country: 'NG' });
    await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${geneva.id}/standards`,
      headers: expert.headers,
      payload: { standardId: 'iso-37120-2018', coverage: 'partial' },
    });
    const ids = (page: ListPage) => page.data.map((item) => item.id);
    expect(ids(await list('domain=energy'))).toEqual([geneva.id]);
    expect(ids(await list('country=SG'))).toEqual([singapore.id]);
    expect(ids(await list(`city=${encodeURIComponent('genève')}`))).toEqual([geneva.id]);
    expect(ids(await list('status=mapped'))).toEqual([geneva.id]);
    expect(ids(await list('standard=iso-37120-2018'))).toEqual([geneva.id]);
    expect(ids(await list('domain=water&country=NG&status=open')).length).toBe(1);
    expect((await list('domain=water&country=CH')).data).toEqual([]);
  });

  it('sorts by votes, by creation time and by the trending score', async () => {
    const voters: Member[] = [
      await quickMember(app),
      await quickMember(app),
      await quickMember(app),
      await quickMember(app),
    ];
    await seedRows(10, voters);
    const top = (await list('sort=top&limit=100')).data;
    const votes = top.map((item) => item.voteCount);
    expect(votes).toEqual([...votes].sort((left, right) => right - left));
    expect(votes[0]).toBe(4);
    const fresh = (await list('sort=new&limit=100')).data.map((item) => Date.parse(item.createdAt));
    expect(fresh).toEqual([...fresh].sort((left, right) => right - left));
    const trending = (await list('sort=trending&limit=100')).data;
    const scores = trending.map((item) => trendingScore(item.voteCount, new Date(item.createdAt)));
    for (let index = 1; index < scores.length; index += 1) {
      expect(scores[index - 1]).toBeGreaterThanOrEqual((scores[index] ?? 0) - 1e-9);
    }
    // Trending is not simply "top": a fresh pain point outranks an older one with more votes.
    expect(trending.map((item) => item.id)).not.toEqual(top.map((item) => item.id));
  });

  it.each(['top', 'new', 'trending'] as PainPointSort[])(
    'pages through every row exactly once while rows are inserted (%s)',
    async (sort) => {
      const voters: Member[] = [await quickMember(app), await quickMember(app), await quickMember(app)];
      const existing = await seedRows(23, voters);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: ListPage = await list(`sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.data.map((item) => item.id));
        cursor = page.nextCursor;
        pages += 1;
        // Others keep posting while this reader pages.
        await postPainPoint(app, member.headers);
        await postPainPoint(app, member.headers);
      } while (cursor && pages < 50);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(existing));
    },
  );

  it('ends with nextCursor null and never repeats across pages', async () => {
    await seedRows(12, []);
    const ids = await listAll('sort=top', 5);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('searches past the stretch of the sort order it walks: a rare word anywhere, a common one page by page', async () => {
    // With limit=2 a search glances at 30 rows of the sort order (10 per row of the page, probe
    // row included) and walks 300 (100 per row) before it looks a word up in the search indexes
    // instead. 330 rows in `new` order (newest first, so position = 329 - index): the rare word in
    // two of the 30 oldest (beyond the walk); the common word in every third row; `estuary` in
    // the glance, once in the walk and once beyond it (the walk cannot fill a page); `delta` past
    // the glance but often enough in the walk to fill pages there.
    const wordsOf = (index: number) => {
      const position = 329 - index;
      return {
        rare: index === 3 || index === 17,
        common: index % 3 === 0,
        estuary: position === 0 || position === 200 || position === 320,
        delta: position >= 40 && position < 120 && position % 10 === 0,
      };
    };
    const expected = {
      rare: [] as string[],
      common: [] as string[],
      estuary: [] as string[],
      delta: [] as string[],
    };
    for (let index = 0; index < 330; index += 1) {
      const has = wordsOf(index);
      const words = [
        has.rare ? 'quinoxaline' : '',
        has.common ? 'aquifer' : '',
        has.estuary ? 'estuary' : '',
        has.delta ? 'delta' : '',
      ];
      const row = await insertPainPoint(app.db, {
        slug: null,
        title: { en: `Row ${index} ${words.join(' ')}`.trim() },
        description: { en: 'Generated for searching' },
        language: 'en',
        domain: 'water',
        city: null,
        country: null,
        severity: 'low',
        authorId: member.accountId,
        partnerId: null,
        createdAt: new Date(Date.UTC(2024, 0, 1) + index * 60_000),
      });
      if (!row) throw new Error('insert failed');
      for (const word of ['rare', 'common', 'estuary', 'delta'] as const) {
        if (has[word]) expected[word].unshift(row.id);
      }
    }
    expect(expected.estuary).toHaveLength(3);
    expect(expected.delta).toHaveLength(8);
    expect(await listAll('sort=new&q=quinoxaline', 2)).toEqual(expected.rare);
    expect(await listAll('sort=new&q=QUINOX', 2)).toEqual(expected.rare);
    expect(await listAll('sort=new&q=aquifer', 2)).toEqual(expected.common);
    expect(await listAll('sort=new&q=aquifer&domain=water', 50)).toEqual(expected.common);
    expect(await listAll('sort=new&q=estuary', 2)).toEqual(expected.estuary);
    expect(await listAll('sort=new&q=delta', 2)).toEqual(expected.delta);
  });

  it('refuses bad paging and filter values with the field named', async () => {
    const garbage = await app.inject({ url: '/v1/pain-points?cursor=not-a-cursor!' });
    expect(garbage.statusCode).toBe(400);
    expect(errorPaths(garbage.body)).toEqual(['cursor']);
    await seedRows(3, []);
    const first = await list('sort=top&limit=1');
    const otherSort = await app.inject({ url: `/v1/pain-points?sort=new&cursor=${first.nextCursor}` });
    expect(otherSort.statusCode).toBe(400);
    expect(errorPaths(otherSort.body)).toEqual(['cursor']);
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['sort=best', 'sort'],
      ['domain=moon', 'domain'],
      ['status=solved', 'status'],
      ['country=sg', 'country'],
    ]) {
      const response = await app.inject({ url: `/v1/pain-points?${query}` });
      expect(response.statusCode, query).toBe(422);
      expect(errorPaths(response.body), query).toContain(field);
    }
  });

  it("marks the viewer's own votes", async () => {
    const painPoint = await postPainPoint(app, member.headers);
    await app.inject({ method: 'PUT', url: `/v1/pain-points/${painPoint.id}/vote`, headers: member.headers });
    const mine = await list('', member.headers);
    expect(mine.data[0]).toMatchObject({ id: painPoint.id, voted: true, voteCount: 1 });
    // Every sort and a later page: the flag is looked up for the page's rows after the page is cut.
    const other = await postPainPoint(app, member.headers);
    for (const sort of ['top', 'new', 'trending'] as const) {
      const first = await list(`sort=${sort}&limit=1`, member.headers);
      const second = await list(`sort=${sort}&limit=1&cursor=${first.nextCursor}`, member.headers);
      const flags = Object.fromEntries([...first.data, ...second.data].map((item) => [item.id, item.voted]));
      expect(flags, sort).toEqual({ [painPoint.id]: true, [other.id]: false });
    }
    const anonymous = await list('');
    expect(anonymous.data[0]?.voted).toBeUndefined();
  });

  it('answers exactly the documented fields (the route serializes with JSON.stringify)', async () => {
    const painPoint = await postPainPoint(app, member.headers);
    await app.inject({ method: 'PUT', url: `/v1/pain-points/${painPoint.id}/vote`, headers: member.headers });
    const documented = Object.keys(PainPointViewSchema.def.shape).sort();
    for (const page of [await list('', member.headers), await list('limit=1&sort=new')]) {
      expect(Object.keys(page).sort()).toEqual(['data', 'nextCursor']);
      for (const item of page.data) {
        for (const key of Object.keys(item)) expect(documented).toContain(key);
        expect(PainPointViewSchema.safeParse(item).success).toBe(true);
      }
    }
  });

  describe('search (q) in every script', () => {
    beforeEach(async () => {
      await postPainPoint(app, member.headers, {
        title: { zh: '城市交通拥堵严重', en: 'Severe traffic congestion' },
        description: { zh: '早高峰时段主干道拥堵，公交车准点率低。' },
        domain: 'mobility',
        slug: 'zh-traffic',
      });
      await postPainPoint(app, member.headers, {
        title: { ar: 'انقطاع الكهرباء المتكرر في الأحياء' },
        description: { ar: 'شبكة الكهرباء لا تتحمل الأحمال في الصيف.' },
        domain: 'energy',
        slug: 'ar-power',
      });
      await postPainPoint(app, member.headers, {
        title: { ru: 'Утечки воды в старых трубах' },
        description: { ru: 'Водоканал Москвы теряет до 20% воды.' },
        domain: 'water',
        slug: 'ru-leaks',
      });
      await postPainPoint(app, member.headers, {
        title: { en: 'Sensors from different vendors cannot talk to each other' },
        description: { en: 'Interoperability needs standardized interfaces (100% agreed).' },
        domain: 'ict-infrastructure',
        slug: 'en-sensors',
      });
    });

    const slugs = async (q: string) =>
      (await list(`q=${encodeURIComponent(q)}`)).data.map((item) => item.slug).sort();

    it('finds a two-character Chinese word inside a sentence', async () => {
      expect(await slugs('交通')).toEqual(['zh-traffic']);
      expect(await slugs('拥堵')).toEqual(['zh-traffic']);
      expect(await slugs('公交')).toEqual(['zh-traffic']);
    });

    it('finds Arabic words', async () => {
      expect(await slugs('الكهرباء')).toEqual(['ar-power']);
      expect(await slugs('الصيف')).toEqual(['ar-power']);
    });

    it('sends Arabic, Chinese and Russian text as UTF-8 bytes with their exact length', async () => {
      const scripts = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };
      for (const [language, slug] of [
        ['ar', 'ar-power'],
        ['zh', 'zh-traffic'],
        ['ru', 'ru-leaks'],
      ] as const) {
        const response = await app.inject({
          url: '/v1/pain-points?limit=50',
          headers: { 'accept-language': language },
        });
        expect(Number(response.headers['content-length']), language).toBe(response.rawPayload.length);
        expect(response.headers['content-language']).toContain(language);
        const item = (response.json() as ListPage).data.find((entry) => entry.slug === slug);
        expect(item?.language, language).toBe(language);
        expect(item?.title[language], language).toMatch(scripts[language]);
      }
    });

    it('finds Russian words whatever their case and ending', async () => {
      expect(await slugs('утечки')).toEqual(['ru-leaks']);
      expect(await slugs('ВОДЫ')).toEqual(['ru-leaks']);
      expect(await slugs('москв')).toEqual(['ru-leaks']);
    });

    it('finds Russian and English words by their stem, whatever the inflection', async () => {
      await postPainPoint(app, member.headers, {
        title: { ru: 'Пробки на дорогах' },
        description: { ru: 'Каждое утро город стоит.' },
        domain: 'mobility',
        slug: 'ru-jams',
      });
      // Neither is a substring of the stored words: only the Russian stemmer relates them.
      expect(await slugs('ПРОБКАХ')).toEqual(['ru-jams']);
      expect(await slugs('дороги')).toEqual(['ru-jams']);
      expect(await slugs('старыми трубами')).toEqual(['ru-leaks']);
      // English the same way: "talking" → talk, "standardization" → standard.
      expect(await slugs('talking vendor')).toEqual(['en-sensors']);
      expect(await slugs('standardization')).toEqual(['en-sensors']);
      // Stemming widens words, never drops the requirement that all of them match.
      expect(await slugs('пробках трубами')).toEqual([]);
    });

    it('finds English words case-insensitively, all words required', async () => {
      expect(await slugs('SENSORS')).toEqual(['en-sensors']);
      expect(await slugs('vendors interfaces')).toEqual(['en-sensors']);
      expect(await slugs('vendors moscow')).toEqual([]);
      expect(await slugs('congestion')).toEqual(['zh-traffic']);
    });

    it('takes LIKE wildcards literally and combines with filters', async () => {
      expect(await slugs('%')).toEqual(['en-sensors', 'ru-leaks']);
      expect(await slugs('_')).toEqual([]);
      expect((await list(`q=${encodeURIComponent('交通')}&domain=water`)).data).toEqual([]);
      const long = await app.inject({ url: `/v1/pain-points?q=${'x'.repeat(201)}` });
      expect(long.statusCode).toBe(422);
      expect(errorPaths(long.body)).toEqual(['q']);
    });
  });
});
