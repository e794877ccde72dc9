import { PartnerStatsSchema } from '@wsc/models/partner';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { errorPaths, postPainPoint, quickMember } from '../community/fixtures';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers } from '../events/fixtures';
import {
  createPartner,
  createTestServer,
  databases,
  signUp,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support/index';

type Headers = Record<string, string>;

const DAY = 86_400_000;

/** What each partner did in `buildWorld`, counted by hand: the numbers the route must find. */
const EXPECTED = {
  // Distinct numbers per column, so a count read from the wrong table cannot pass.
  a: { signups: 2, painPoints: 3, votes: 4, comments: 5, registrations: 1 },
  b: { signups: 2, painPoints: 1, votes: 2, comments: 1, registrations: 2 },
};

interface World {
  partnerA: TestPartner;
  partnerB: TestPartner;
  /** Partner A's comments, oldest first: the window tests move their `created_at`. */
  commentIdsOfA: string[];
}

describe.each(databases())('GET /v1/partners/me/stats on $kind', ({ kind }) => {
  let app: TestServer;
  let world: World;

  beforeAll(async () => {
    // Organizations only: events name their organiser; no sample pain points to count.
    app = await createTestServer({ kind, seeders: [organizationsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    world = await buildWorld(app);
  });
  afterAll(() => app?.dispose());

  const stats = (headers: Headers, query = '') =>
    app.inject({ method: 'GET', url: `/v1/partners/me/stats${query}`, headers });
  const secret = (partner: TestPartner): Headers => ({ authorization: `Bearer ${partner.secretKey}` });

  test('counts exactly the rows each partner brought, never the other partner’s or the community’s', async () => {
    const before = Date.now();
    const responseA = await stats(secret(world.partnerA));
    expect(responseA.statusCode, responseA.body).toBe(200);
    expect(responseA.headers['cache-control']).toBe('private, no-store');
    const bodyA = PartnerStatsSchema.parse(responseA.json());
    expect(bodyA).toEqual({ partnerId: world.partnerA.id, from: bodyA.from, to: bodyA.to, ...EXPECTED.a });
    // Default window: the 30 days up to now.
    expect(Date.parse(bodyA.to)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(bodyA.to)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(bodyA.to) - Date.parse(bodyA.from)).toBe(30 * DAY);

    const responseB = await stats(secret(world.partnerB));
    expect(responseB.statusCode, responseB.body).toBe(200);
    expect(responseB.json()).toMatchObject({ partnerId: world.partnerB.id, ...EXPECTED.b });
  });

  test('counts rows created in [from, to): the bound `from` is in, the bound `to` and older rows are out', async () => {
    const [oldest, atBoundary] = world.commentIdsOfA as [string, string];
    const boundary = new Date(Date.now() - 10 * DAY);
    // `created_at` is written by the database only: tests move it through a cast.
    const moveComment = (id: string, createdAt: Date) =>
      app.db
        .updateTable('comments')
        .set({ created_at: createdAt as never })
        .where('id', '=', id)
        .execute();
    await moveComment(oldest, new Date(Date.now() - 45 * DAY));
    await moveComment(atBoundary, boundary);

    const defaultWindow = await stats(secret(world.partnerA));
    expect(defaultWindow.json().comments).toBe(EXPECTED.a.comments - 1);

    const from = boundary.toISOString();
    const fromBoundary = await stats(secret(world.partnerA), `?from=${encodeURIComponent(from)}`);
    expect(fromBoundary.statusCode, fromBoundary.body).toBe(200);
    expect(fromBoundary.json()).toMatchObject({ from, comments: EXPECTED.a.comments - 1 });

    const upToBoundary = await stats(
      secret(world.partnerA),
      `?from=${encodeURIComponent(new Date(Date.now() - 60 * DAY).toISOString())}&to=${encodeURIComponent(from)}`,
    );
    expect(upToBoundary.statusCode, upToBoundary.body).toBe(200);
    // Only the 45-day-old comment: the one created at `to` itself belongs to the next window.
    expect(upToBoundary.json()).toMatchObject({
      to: from,
      signups: 0,
      painPoints: 0,
      votes: 0,
      comments: 1,
      registrations: 0,
    });

    // An offset is read as such: the same instant written in Singapore time.
    const singapore = new Date(boundary.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    const withOffset = await stats(secret(world.partnerA), `?from=${encodeURIComponent(singapore)}`);
    expect(withOffset.json()).toMatchObject({ from, comments: EXPECTED.a.comments - 1 });
  });

  test('a vote taken back is no longer counted', async () => {
    const painPoint = await postPainPoint(app, (await quickMember(app)).headers);
    const user = await ssoSignIn(app, world.partnerA, { externalUserId: 'a-user-1' });
    const url = `/v1/pain-points/${painPoint.id}/vote`;
    expect((await app.inject({ method: 'PUT', url, headers: user.headers })).statusCode).toBe(200);
    expect((await stats(secret(world.partnerA))).json().votes).toBe(EXPECTED.a.votes + 1);
    expect((await app.inject({ method: 'DELETE', url, headers: user.headers })).statusCode).toBe(200);
    expect((await stats(secret(world.partnerA))).json().votes).toBe(EXPECTED.a.votes);
  });

  test('401 without a secret key, whoever else calls: anonymous, a publishable key, a member, an admin', async () => {
    const admin = await signUp(app, { roles: ['admin'] });
    const callers: [string, Headers][] = [
      ['anonymous', {}],
      [
        'publishable key from its site',
        { origin: world.partnerA.origin, 'x-wsc-publishable-key': world.partnerA.publishableKey },
      ],
      ['publishable key from a server', { 'x-wsc-publishable-key': world.partnerA.publishableKey }],
      [
        "partner A's SSO user",
        (await ssoSignIn(app, world.partnerA, { externalUserId: 'a-user-1' })).headers,
      ],
      ['admin session', admin.headers],
    ];
    for (const [who, headers] of callers) {
      const response = await stats(headers);
      expect(response.statusCode, `${who}: ${response.body}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().type).toBe('https://worldsmartcity.org/problems/secret-key-required');
      expect(response.body).not.toMatch(/"signups"/);
    }
    // The key is checked before the query: a bad query without a key is still a 401.
    expect((await stats({}, '?from=nonsense')).statusCode).toBe(401);
    const publishableAsBearer = await stats({ authorization: `Bearer ${world.partnerA.publishableKey}` });
    expect(publishableAsBearer.statusCode).toBe(401);
  });

  test('403 for a secret key without the `stats` scope, and for a secret key sent by a browser', async () => {
    const narrow = await createPartner(app, { scopes: ['sso', 'webhooks'] });
    const withoutScope = await stats(secret(narrow));
    expect(withoutScope.statusCode).toBe(403);
    expect(withoutScope.json()).toMatchObject({
      type: 'https://worldsmartcity.org/problems/scope-required',
      detail: expect.stringContaining('"stats"'),
    });
    const fromBrowser = await stats({ ...secret(world.partnerA), origin: world.partnerA.origin });
    expect(fromBrowser.statusCode).toBe(403);
    expect(fromBrowser.json().type).toBe('https://worldsmartcity.org/problems/secret-key-in-browser');
  });

  test('422 naming the field for a window out of order, too long, or not a date-time', async () => {
    const now = Date.now();
    const iso = (offset: number) => encodeURIComponent(new Date(now + offset).toISOString());
    const cases: [string, string][] = [
      [`?from=${iso(0)}&to=${iso(0)}`, 'from'],
      [`?from=${iso(0)}&to=${iso(-DAY)}`, 'from'],
      [`?from=${iso(-367 * DAY)}&to=${iso(0)}`, 'from'],
      // Without `to` the window ends now: a `from` in the future or over a year ago is refused too.
      [`?from=${iso(DAY)}`, 'from'],
      [`?from=${iso(-400 * DAY)}`, 'from'],
      ['?from=last-week', 'from'],
      ['?to=2016-07-13', 'to'],
      ['?to=2016-13-01T00:00:00Z', 'to'],
    ];
    for (const [query, path] of cases) {
      const response = await stats(secret(world.partnerA), query);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().type).toBe('https://worldsmartcity.org/problems/validation-failed');
      expect(errorPaths(response.body), query).toEqual([path]);
    }
    // The longest window, a leap year, is accepted.
    const longest = await stats(secret(world.partnerA), `?from=${iso(-366 * DAY)}&to=${iso(0)}`);
    expect(longest.statusCode, longest.body).toBe(200);
    expect(longest.json()).toMatchObject(EXPECTED.a);
  });

  test('is documented in /openapi.json with its query and its answer', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operation = document.paths['/v1/partners/me/stats']?.get;
    expect(operation).toMatchObject({ tags: ['partners'], security: [{ secretKey: [] }] });
    expect(operation.description).toContain('[from, to)');
    const query = operation.parameters.filter((parameter: { in?: string }) => parameter.in === 'query');
    expect(query.map((parameter: { name: string }) => parameter.name).sort()).toEqual(['from', 'to']);
    const answer = operation.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(answer)).toContain('registrations');
  });
});

/**
 * Two partners and the community itself, each writing through its own door: partner A through a
 * widget sign-up (publishable key + Origin) and an SSO user, partner B through two SSO users, and
 * a member of the platform with no partner at all. Totals are in {@link EXPECTED}.
 */
async function buildWorld(app: TestServer): Promise<World> {
  const partnerA = await createPartner(app);
  const partnerB = await createPartner(app);
  const [organiser] = await createMembers(app, 1, { organizationId: 'itu' });
  const event = await createEventAs(app, (organiser as { headers: Headers }).headers);
  const community = await quickMember(app);

  const widgetOfA = { origin: partnerA.origin, 'x-wsc-publishable-key': partnerA.publishableKey };
  const webMemberOfA = await signUp(app, { headers: widgetOfA });
  const webMemberHeaders = { ...widgetOfA, ...webMemberOfA.headers };
  const ssoUserOfA = (await ssoSignIn(app, partnerA, { externalUserId: 'a-user-1' })).headers;
  const ssoUsersOfB = [
    (await ssoSignIn(app, partnerB, { externalUserId: 'b-user-1' })).headers,
    (await ssoSignIn(app, partnerB, { externalUserId: 'b-user-2' })).headers,
  ];
  // Signing in again links the same account: not a second sign-up.
  await ssoSignIn(app, partnerB, { externalUserId: 'b-user-1' });

  const painPointsOfA = [
    await postPainPoint(app, ssoUserOfA),
    await postPainPoint(app, ssoUserOfA),
    await postPainPoint(app, webMemberHeaders),
  ];
  const painPointOfB = await postPainPoint(app, ssoUsersOfB[0] as Headers);
  const painPointOfCommunity = await postPainPoint(app, community.headers);

  const write = async (method: 'PUT' | 'POST', url: string, headers: Headers, payload?: object) => {
    const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as { id: string };
  };
  const vote = (painPointId: string, headers: Headers) =>
    write('PUT', `/v1/pain-points/${painPointId}/vote`, headers);
  const comment = (painPointId: string, headers: Headers) =>
    write('POST', `/v1/pain-points/${painPointId}/comments`, headers, { body: 'Seen in our city too.' });
  const register = (headers: Headers) =>
    write('POST', `/v1/events/${event.id}/registrations`, headers, { claim: { communityMember: true } });

  // Partner A: 4 votes, 5 comments, 1 registration.
  await vote(painPointOfB.id, ssoUserOfA);
  await vote(painPointOfCommunity.id, ssoUserOfA);
  await vote((painPointsOfA[0] as { id: string }).id, ssoUserOfA);
  await vote(painPointOfCommunity.id, webMemberHeaders);
  const commentIdsOfA: string[] = [];
  for (const headers of [ssoUserOfA, ssoUserOfA, ssoUserOfA, webMemberHeaders, webMemberHeaders]) {
    commentIdsOfA.push((await comment(painPointOfCommunity.id, headers)).id);
  }
  await register(ssoUserOfA);

  // Partner B: 2 votes, 1 comment, 2 registrations, on A's and the community's pain points.
  for (const headers of ssoUsersOfB) {
    await vote((painPointsOfA[1] as { id: string }).id, headers);
    await register(headers);
  }
  await comment((painPointsOfA[2] as { id: string }).id, ssoUsersOfB[1] as Headers);

  // The community on its own site: counted for no partner.
  await signUp(app);
  await vote(painPointOfB.id, community.headers);
  await comment(painPointOfB.id, community.headers);
  await register(community.headers);

  return { partnerA, partnerB, commentIdsOfA };
}
