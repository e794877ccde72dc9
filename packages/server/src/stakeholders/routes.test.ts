import type { Organization, Page, Stakeholder } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths } from '../community/fixtures';
import { organizationsSeeder } from '../database/seed-organizations';
import {
  approveMembership,
  createTestServer,
  databases,
  type SignedUp,
  signUp,
  type TestServer,
} from '../test-support';

describe.each(databases())('stakeholders and organizations directory on $kind', ({ kind }) => {
  let app: TestServer;
  let planner: SignedUp;
  let utility: SignedUp;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    planner = await signUp(app, { displayName: 'Mei Lin', role: 'urban-planner' });
    utility = await signUp(app, { displayName: 'Omar Haddad', role: 'utility' });
    await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: planner.headers,
      payload: { country: 'SG', city: 'Singapore', bio: 'Smart water grids' },
    });
    await approveMembership(app, planner.accountId, 'itu');
    await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: utility.headers,
      payload: { country: 'AE', city: 'دبي' },
    });
    await approveMembership(app, utility.accountId, 'iec');
  });
  afterAll(() => app.dispose());

  async function list(query: string): Promise<Page<Stakeholder>> {
    const response = await app.inject({ url: `/v1/stakeholders?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page<Stakeholder>;
  }
  const names = (page: Page<Stakeholder>) => page.data.map((item) => item.displayName).sort();

  it('never exposes e-mail, password or account fields', async () => {
    const response = await app.inject({ url: '/v1/stakeholders' });
    const single = await app.inject({ url: `/v1/stakeholders/${planner.accountId}` });
    for (const body of [response.body, single.body]) {
      expect(body).not.toContain(planner.email);
      expect(body).not.toContain(utility.email);
      expect(body).not.toContain('@');
      expect(body).not.toMatch(/password|email|roles|partnerId|lastLogin/i);
    }
    expect(single.json()).toMatchObject({
      id: planner.accountId,
      displayName: 'Mei Lin',
      role: 'urban-planner',
      organizationId: 'itu',
      country: 'SG',
      city: 'Singapore',
      bio: 'Smart water grids',
    });
  });

  it('filters by role, country, organization (id or slug) and words', async () => {
    expect(names(await list('role=utility'))).toEqual(['Omar Haddad']);
    expect(names(await list('country=SG'))).toEqual(['Mei Lin']);
    expect(names(await list('organization=iec'))).toEqual(['Omar Haddad']);
    expect(names(await list('q=water'))).toEqual(['Mei Lin']);
    expect(names(await list(`q=${encodeURIComponent('دبي')}`))).toEqual(['Omar Haddad']);
    expect(names(await list('q=mei'))).toEqual(['Mei Lin']);
    expect((await list('role=utility&country=SG')).data).toEqual([]);
  });

  it('pages with cursors, newest first', async () => {
    for (let index = 0; index < 4; index += 1) await signUp(app, { displayName: `Extra ${index}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Stakeholder> = await list(`limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen.at(-1)).toBe(planner.accountId);
  });

  it('hides disabled members, answers 404 for unknown ids and 422 for bad filters', async () => {
    await app.db
      .updateTable('accounts')
      .set({ disabled_at: new Date() })
      .where('id', '=', utility.accountId)
      .execute();
    expect(names(await list(''))).toEqual(['Mei Lin']);
    expect((await app.inject({ url: `/v1/stakeholders/${utility.accountId}` })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/stakeholders/nobody' })).statusCode).toBe(404);
    const bad = await app.inject({ url: '/v1/stakeholders?role=wizard&country=xx&limit=1000' });
    expect(bad.statusCode).toBe(422);
    expect(errorPaths(bad.body)).toEqual(expect.arrayContaining(['role', 'country', 'limit']));
    expect((await app.inject({ url: '/v1/stakeholders?cursor=bm9wZQ' })).statusCode).toBe(400);
  });

  describe('organizations', () => {
    it('lists by name with filters and reads by id or slug', async () => {
      const all = (await app.inject({ url: '/v1/organizations' })).json() as Page<Organization>;
      expect(all.data.map((item) => item.id)).toEqual(['iec', 'iso', 'itu']);
      const iso = (
        await app.inject({ url: '/v1/organizations?membership=ISO' })
      ).json() as Page<Organization>;
      expect(iso.data.map((item) => item.id)).toEqual(['iso']);
      const searched = (
        await app.inject({ url: '/v1/organizations?q=telecom' })
      ).json() as Page<Organization>;
      expect(searched.data.map((item) => item.id)).toEqual(['itu']);
      const paged = (await app.inject({ url: '/v1/organizations?limit=2' })).json() as Page<Organization>;
      const rest = (
        await app.inject({ url: `/v1/organizations?limit=2&cursor=${paged.nextCursor}` })
      ).json() as Page<Organization>;
      expect([...paged.data, ...rest.data].map((item) => item.id)).toEqual(['iec', 'iso', 'itu']);
      expect(rest.nextCursor).toBeNull();
      const one = await app.inject({ url: '/v1/organizations/iec' });
      expect(one.json()).toMatchObject({
        id: 'iec',
        type: 'standards-body',
        memberships: ['IEC'],
        country: 'CH',
      });
      expect((await app.inject({ url: '/v1/organizations/nope' })).statusCode).toBe(404);
      const bad = await app.inject({ url: '/v1/organizations?type=club&membership=IEEE' });
      expect(bad.statusCode).toBe(422);
      expect(errorPaths(bad.body)).toEqual(expect.arrayContaining(['type', 'membership']));
    });
  });
});
