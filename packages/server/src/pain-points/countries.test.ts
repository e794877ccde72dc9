import type { Domain, Page, PainPointCountryCounts, PainPointStatus, PainPointView } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths, postPainPoint, quickMember } from '../community/fixtures';
import { standardsSeeder } from '../standards/seed';
import { createTestServer, databases, type TestServer } from '../test-support';
import { insertPainPoint, updatePainPoint } from './repository';

/** A member created for a test (see quickMember). */
type Member = Awaited<ReturnType<typeof quickMember>>;

interface Spec {
  country: string | null;
  domain?: Domain;
  status?: PainPointStatus;
}

/** 24 pain points over six countries and none, two domains and three statuses. */
const SPECS: Spec[] = [
  ...Array.from(
    { length: 6 },
    (_, index): Spec => ({ country: 'FR', status: index < 2 ? 'mapped' : 'open' }),
  ),
  ...Array.from({ length: 4 }, (): Spec => ({ country: 'SG', domain: 'energy' })),
  ...Array.from(
    { length: 4 },
    (_, index): Spec => ({ country: 'CH', domain: index % 2 ? 'energy' : 'water' }),
  ),
  { country: 'NG', status: 'closed' },
  { country: 'NG' },
  { country: 'BR', domain: 'energy', status: 'closed' },
  { country: 'CN' },
  ...Array.from({ length: 3 }, (): Spec => ({ country: null })),
  { country: null, domain: 'energy', status: 'mapped' },
  { country: 'AR' },
  { country: 'AR', status: 'mapped' },
];

describe.each(databases())('counting pain points per country on $kind', ({ kind }) => {
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

  async function seed(specs: readonly Spec[]): Promise<void> {
    for (const [index, spec] of specs.entries()) {
      const row = await insertPainPoint(app.db, {
        slug: null,
        title: { en: `Row ${index}` },
        description: { en: 'Generated for counting' },
        language: 'en',
        domain: spec.domain ?? 'water',
        city: null,
        country: spec.country,
        severity: 'low',
        authorId: member.accountId,
        partnerId: null,
      });
      if (!row) throw new Error('insert failed');
      if (spec.status) await updatePainPoint(app.db, row.id, { status: spec.status });
    }
  }

  async function counts(query = '', headers: Record<string, string> = {}): Promise<PainPointCountryCounts> {
    const response = await app.inject({ url: `/v1/pain-points/countries?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PainPointCountryCounts;
  }

  /** Every pain point the list gives with these filters, read in pages smaller than the set. */
  async function listAll(query: string): Promise<PainPointView[]> {
    const items: PainPointView[] = [];
    let cursor: string | null = null;
    do {
      const response = await app.inject({
        url: `/v1/pain-points?${query}&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as Page<PainPointView>;
      items.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /** The counts computed from the list: grouped by country, most first, then by code. */
  async function groupedList(query = ''): Promise<PainPointCountryCounts> {
    const items = await listAll(query);
    const byCountry = new Map<string, number>();
    for (const item of items) {
      if (item.country) byCountry.set(item.country, (byCountry.get(item.country) ?? 0) + 1);
    }
    const data = [...byCountry]
      .map(([country, count]) => ({ country, count }))
      .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
    return { data, total: items.length, withoutCountry: items.filter((item) => !item.country).length };
  }

  it('counts what the list holds, grouped by country, most first then by code', async () => {
    await seed(SPECS);
    const all = await counts();
    expect(all).toEqual(await groupedList());
    expect(all).toEqual({
      data: [
        { country: 'FR', count: 6 },
        { country: 'CH', count: 4 },
        { country: 'SG', count: 4 },
        { country: 'AR', count: 2 },
        { country: 'NG', count: 2 },
        { country: 'BR', count: 1 },
        { country: 'CN', count: 1 },
      ],
      total: SPECS.length,
      withoutCountry: 4,
    });
    // A member reads the same counts as an anonymous reader, as the list shows them the same rows.
    expect(await counts('', member.headers)).toEqual(all);
  });

  it('answers zeros when nothing matches', async () => {
    expect(await counts()).toEqual({ data: [], total: 0, withoutCountry: 0 });
    await seed(SPECS);
    expect(await counts('domain=weather')).toEqual({ data: [], total: 0, withoutCountry: 0 });
  });

  it.each([
    'domain=energy',
    'status=mapped',
    'status=closed',
    'domain=energy&status=closed',
    'domain=water&status=open',
  ])('filters as the list does (%s)', async (query) => {
    await seed(SPECS);
    const filtered = await counts(query);
    expect(filtered).toEqual(await groupedList(query));
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(SPECS.length);
  });

  it('counts a merged (duplicate) pain point where the list lists it, and follows edits', async () => {
    const moderator = await quickMember(app, ['moderator']);
    const original = await postPainPoint(app, member.headers, { country: 'FR' });
    const repeat = await postPainPoint(app, member.headers, { country: 'DE' });
    const merged = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${repeat.id}/status`,
      headers: moderator.headers,
      payload: { status: 'duplicate', duplicateOf: original.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    // GET /v1/pain-points still lists a duplicate (the page tells it by its status), so it counts.
    expect((await listAll('')).map((item) => item.id)).toContain(repeat.id);
    expect(await counts()).toEqual(await groupedList());
    expect(await counts('status=duplicate')).toEqual({
      data: [{ country: 'DE', count: 1 }],
      total: 1,
      withoutCountry: 0,
    });
    expect(await counts('status=open')).toEqual({
      data: [{ country: 'FR', count: 1 }],
      total: 1,
      withoutCountry: 0,
    });
    // Moving a pain point to another country, or to none, moves its count.
    const moved = await app.inject({
      method: 'PATCH',
      url: `/v1/pain-points/${original.id}`,
      headers: member.headers,
      payload: { country: null },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await counts('status=open')).toEqual({ data: [], total: 1, withoutCountry: 1 });
  });

  it('refuses a filter the list refuses, naming the field', async () => {
    for (const [query, field] of [
      ['domain=moon', 'domain'],
      ['status=solved', 'status'],
    ]) {
      const response = await app.inject({ url: `/v1/pain-points/countries?${query}` });
      expect(response.statusCode, query).toBe(422);
      expect(response.headers['content-type'], query).toContain('application/problem+json');
      expect(response.json(), query).toMatchObject({ type: expect.stringMatching(/validation-failed$/) });
      expect(errorPaths(response.body), query).toEqual([field]);
      const list = await app.inject({ url: `/v1/pain-points?${query}` });
      expect(list.statusCode, query).toBe(response.statusCode);
    }
  });

  it('carries an ETag and answers 304 while the counts are unchanged', async () => {
    await seed(SPECS.slice(0, 5));
    const first = await app.inject({ url: '/v1/pain-points/countries' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({ url: '/v1/pain-points/countries', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await postPainPoint(app, member.headers, { country: 'JP' });
    const changed = await app.inject({
      url: '/v1/pain-points/countries',
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('is the counts route, not a pain point whose id is "countries"', async () => {
    await seed(SPECS.slice(0, 1));
    const response = await app.inject({ url: '/v1/pain-points/countries' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json() as object).sort()).toEqual(['data', 'total', 'withoutCountry']);
  });
});
