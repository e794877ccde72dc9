import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import { createPartnerKeyRecord } from '../partners/repository';
import { standardsSeeder } from '../standards/seed';
import {
  createPartner,
  createTestServer,
  databases,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support/index';

/**
 * Every write route, attempted on partner A's and member A's objects by:
 * - `foreignKey`: partner B's SSO user with B's publishable key, sent from A's site (B's key does
 *   not list that origin) — refused before anything runs;
 * - `partnerBUser`: partner B's SSO user on B's own site;
 * - `otherMember`: a second member signed in on the platform itself;
 * - `partnerBSecret`: partner B's secret key from its server (no member behind it).
 * A refused attempt answers 401/403/404 and changes no row at all; an allowed one (voting,
 * commenting, reporting, editing one's own profile) changes nothing A owns.
 */

type Headers = Record<string, string>;

interface World {
  partnerA: TestPartner;
  partnerB: TestPartner;
  /** Partner A's SSO user: author of the pain point, the comment and a vote. */
  owner: { accountId: string; headers: Headers; token: string };
  /** An expert of partner A who mapped a standard to the pain point. */
  expert: { accountId: string; headers: Headers };
  moderator: { accountId: string; headers: Headers };
  painPointId: string;
  commentId: string;
  actors: Record<ActorName, { accountId: string | null; headers: Headers }>;
}

type ActorName = 'foreignKey' | 'partnerBUser' | 'otherMember' | 'partnerBSecret';
const ACTORS: ActorName[] = ['foreignKey', 'partnerBUser', 'otherMember', 'partnerBSecret'];
/** Actors with a member account, who may do what any member may do to their own things. */
const MEMBER_ACTORS: ActorName[] = ['partnerBUser', 'otherMember'];

interface WriteRoute {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (world: World) => string;
  payload?: Record<string, unknown>;
  /** Sets the scene so the attempt would change something (e.g. hide before restore). */
  prepare?: (app: TestServer, world: World, actor: ActorName) => Promise<void>;
  /** Statuses each member actor may get; others always expect a refusal. Default: refused. */
  allowed?: number;
}

const REFUSED = [401, 403, 404];

const ROUTES: WriteRoute[] = [
  {
    name: 'PATCH /v1/me',
    method: 'PATCH',
    url: () => '/v1/me',
    payload: { displayName: 'Hijacked' },
    allowed: 200,
  },
  { name: 'POST /v1/auth/logout', method: 'POST', url: () => '/v1/auth/logout', allowed: 204 },
  {
    name: 'POST /v1/pain-points',
    method: 'POST',
    url: () => '/v1/pain-points',
    payload: {
      title: { en: 'Posted by someone else' },
      description: { en: 'x' },
      domain: 'water',
      severity: 'low',
    },
    allowed: 201,
  },
  {
    name: 'PATCH /v1/pain-points/{id}',
    method: 'PATCH',
    url: (w) => `/v1/pain-points/${w.painPointId}`,
    payload: { title: { en: 'Hijacked' } },
  },
  {
    name: 'POST /v1/pain-points/{id}/status',
    method: 'POST',
    url: (w) => `/v1/pain-points/${w.painPointId}/status`,
    payload: { status: 'closed' },
  },
  {
    name: 'POST /v1/pain-points/{id}/lock',
    method: 'POST',
    url: (w) => `/v1/pain-points/${w.painPointId}/lock`,
  },
  {
    name: 'POST /v1/pain-points/{id}/unlock (by a member)',
    method: 'POST',
    url: (w) => `/v1/pain-points/${w.painPointId}/unlock`,
    prepare: async (app, w) => {
      await expectStatus(
        app.inject({
          method: 'POST',
          url: `/v1/pain-points/${w.painPointId}/lock`,
          headers: w.moderator.headers,
        }),
        200,
      );
    },
  },
  {
    name: 'PUT /v1/pain-points/{id}/vote',
    method: 'PUT',
    url: (w) => `/v1/pain-points/${w.painPointId}/vote`,
    allowed: 200,
  },
  {
    name: 'DELETE /v1/pain-points/{id}/vote',
    method: 'DELETE',
    url: (w) => `/v1/pain-points/${w.painPointId}/vote`,
    allowed: 200,
  },
  {
    name: 'POST /v1/pain-points/{id}/comments',
    method: 'POST',
    url: (w) => `/v1/pain-points/${w.painPointId}/comments`,
    payload: { body: 'A reply' },
    allowed: 201,
  },
  {
    name: 'PATCH /v1/comments/{id}',
    method: 'PATCH',
    url: (w) => `/v1/comments/${w.commentId}`,
    payload: { body: 'Hijacked' },
  },
  {
    name: 'POST /v1/comments/{id}/reports',
    method: 'POST',
    url: (w) => `/v1/comments/${w.commentId}/reports`,
    payload: { reason: 'spam' },
    allowed: 201,
  },
  {
    name: 'POST /v1/comments/{id}/hide',
    method: 'POST',
    url: (w) => `/v1/comments/${w.commentId}/hide`,
    payload: {},
  },
  {
    name: 'POST /v1/comments/{id}/restore',
    method: 'POST',
    url: (w) => `/v1/comments/${w.commentId}/restore`,
    payload: {},
    prepare: async (app, w) => {
      await expectStatus(
        app.inject({
          method: 'POST',
          url: `/v1/comments/${w.commentId}/hide`,
          headers: w.moderator.headers,
          payload: {},
        }),
        200,
      );
    },
  },
  {
    name: 'POST /v1/pain-points/{id}/standards (as a member)',
    method: 'POST',
    url: (w) => `/v1/pain-points/${w.painPointId}/standards`,
    payload: { standardId: 'iso-37120-2018', coverage: 'none' },
  },
  {
    name: "POST /v1/pain-points/{id}/standards (an expert over another expert's mapping)",
    method: 'POST',
    url: (w) => `/v1/pain-points/${w.painPointId}/standards`,
    payload: { standardId: 'iso-37120-2018', coverage: 'none' },
    prepare: async (app, w, actor) => {
      const accountId = w.actors[actor].accountId;
      if (accountId)
        await app.db
          .updateTable('accounts')
          .set({ roles: ['member', 'expert'] })
          .where('id', '=', accountId)
          .execute();
    },
  },
  {
    name: 'PATCH /v1/accounts/{id}',
    method: 'PATCH',
    url: (w) => `/v1/accounts/${w.owner.accountId}`,
    payload: { disabled: true },
  },
  {
    name: 'PATCH /v1/partners/{id}',
    method: 'PATCH',
    url: (w) => `/v1/partners/${w.partnerA.id}`,
    payload: { disabled: true },
  },
  {
    name: 'POST /v1/partners/{id}/keys',
    method: 'POST',
    url: (w) => `/v1/partners/${w.partnerA.id}/keys`,
    payload: { kind: 'publishable', allowedOrigins: ['https://evil.example'] },
  },
  {
    name: 'DELETE /v1/partners/{id}/keys/{keyId}',
    method: 'DELETE',
    url: (w) => `/v1/partners/${w.partnerA.id}/keys/${w.partnerA.publishableKeyId}`,
  },
  { name: 'DELETE /v1/me', method: 'DELETE', url: () => '/v1/me', allowed: 204 },
];

async function expectStatus(response: Promise<{ statusCode: number; body: string }>, status: number) {
  const answered = await response;
  expect(answered.statusCode, answered.body).toBe(status);
  return answered;
}

describe.each(databases())('cross-partner and cross-user writes on $kind', ({ kind }) => {
  let app: TestServer;
  let world: World;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [standardsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    world = await buildWorld(app);
  });
  afterAll(() => app?.dispose());

  /** Everything A owns, as stored: must not move whatever another principal does. */
  async function ownedByA() {
    const { db } = app;
    return {
      painPoint: await db
        .selectFrom('pain_points')
        .select(['title', 'description', 'status', 'locked', 'author_id', 'partner_id', 'domain', 'severity'])
        .where('id', '=', world.painPointId)
        .executeTakeFirst(),
      comment: await db
        .selectFrom('comments')
        .select(['body', 'hidden', 'author_id', 'partner_id', 'edited_at'])
        .where('id', '=', world.commentId)
        .executeTakeFirst(),
      votes: await db
        .selectFrom('votes')
        .select(['pain_point_id', 'partner_id'])
        .where('account_id', '=', world.owner.accountId)
        .execute(),
      mappings: await db
        .selectFrom('standard_mappings')
        .select(['standard_id', 'coverage', 'expert_id', 'clause', 'note'])
        .where('pain_point_id', '=', world.painPointId)
        .where('expert_id', '=', world.expert.accountId)
        .execute(),
      account: await db
        .selectFrom('accounts')
        .select(['email', 'roles', 'disabled_at', 'deleted_at'])
        .where('id', '=', world.owner.accountId)
        .executeTakeFirst(),
      profile: await db
        .selectFrom('stakeholders')
        .select(['display_name'])
        .where('id', '=', world.owner.accountId)
        .executeTakeFirst(),
      sessions: await db
        .selectFrom('sessions')
        .select(['revoked_at'])
        .where('account_id', '=', world.owner.accountId)
        .execute(),
      keys: await db
        .selectFrom('partner_keys')
        .select(['id', 'revoked_at'])
        .where('partner_id', '=', world.partnerA.id)
        .orderBy('id')
        .execute(),
    };
  }

  /** Row counts of every table a write route can touch: a refused write adds or removes none. */
  async function counts() {
    const tables = [
      'pain_points',
      'votes',
      'comments',
      'comment_reports',
      'standard_mappings',
      'partner_keys',
      'sessions',
      'audit_log',
    ] as const;
    const result: Record<string, number> = {};
    for (const table of tables) {
      const row = await app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      result[table] = Number(row.count);
    }
    const liveSessions = await app.db
      .selectFrom('sessions')
      .select('id')
      .where('revoked_at', 'is', null)
      .execute();
    result.liveSessions = liveSessions.length;
    return result;
  }

  test.each(ROUTES)('$name', async (route) => {
    for (const actor of ACTORS) {
      await route.prepare?.(app, world, actor);
      const ownedBefore = await ownedByA();
      const countsBefore = await counts();
      const response = await app.inject({
        method: route.method,
        url: route.url(world),
        headers: world.actors[actor].headers,
        ...(route.payload ? { payload: route.payload } : {}),
      });
      const label = `${route.name} by ${actor}: ${response.body}`;
      const allowed = route.allowed !== undefined && MEMBER_ACTORS.includes(actor);
      if (allowed) {
        expect(response.statusCode, label).toBe(route.allowed);
      } else {
        expect(REFUSED, label).toContain(response.statusCode);
        expect(response.headers['content-type'], label).toContain('application/problem+json');
        expect(await counts(), label).toEqual(countsBefore);
      }
      if (actor === 'foreignKey') {
        expect(response.statusCode, label).toBe(403);
        expect(response.json().type, label).toBe('https://worldsmartcity.org/problems/origin-not-allowed');
      }
      expect(await ownedByA(), label).toEqual(ownedBefore);
    }
  });

  test('writes through partner B are attributed to B, never to A', async () => {
    const created = await postPainPoint(app, world.actors.partnerBUser.headers);
    expect(created.partnerId).toBe(world.partnerB.id);
    await expectStatus(
      app.inject({
        method: 'PUT',
        url: `/v1/pain-points/${world.painPointId}/vote`,
        headers: world.actors.partnerBUser.headers,
      }),
      200,
    );
    const vote = await app.db
      .selectFrom('votes')
      .select('partner_id')
      .where('account_id', '=', world.actors.partnerBUser.accountId as string)
      .executeTakeFirstOrThrow();
    expect(vote.partner_id).toBe(world.partnerB.id);
  });
});

describe.each(databases())('publishable key scopes on $kind', ({ kind }) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [] });
  });
  beforeEach(() => app.reset());
  afterAll(() => app?.dispose());

  test('a key without content:write cannot write, anonymously or for its SSO user; reads and sign-in still work', async () => {
    const partner = await createPartner(app);
    const readOnly = await createPartnerKeyRecord(app.db, partner.id, {
      kind: 'publishable',
      allowedOrigins: [partner.origin],
      scopes: ['content:read'],
    });
    const author = await quickMember(app);
    const painPoint = await postPainPoint(app, author.headers);
    const user = await ssoSignIn(app, partner, { externalUserId: 'reader-1' });
    const site = { origin: partner.origin, 'x-wsc-publishable-key': readOnly.key };
    const asUser = { ...site, ...user.headers };

    for (const headers of [site, asUser]) {
      for (const [method, url, payload] of [
        ['PUT', `/v1/pain-points/${painPoint.id}/vote`, undefined],
        ['POST', `/v1/pain-points/${painPoint.id}/comments`, { body: 'Hello' }],
        [
          'POST',
          '/v1/pain-points',
          { title: { en: 'x' }, description: { en: 'y' }, domain: 'water', severity: 'low' },
        ],
      ] as const) {
        const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json()).toMatchObject({
          type: 'https://worldsmartcity.org/problems/scope-required',
          detail: expect.stringContaining('content:write'),
        });
      }
      expect((await app.inject({ url: `/v1/pain-points/${painPoint.id}`, headers })).statusCode).toBe(200);
    }
    const stored = await app.db.selectFrom('votes').select('account_id').execute();
    expect(stored).toEqual([]);
    expect((await app.db.selectFrom('comments').select('id').execute()).length).toBe(0);

    // Account routes are not content: signing up through the read-only widget works.
    const signup = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      headers: site,
      payload: {
        email: 'reader@example.org',
        password: 'a long enough password',
        displayName: 'R',
        role: 'citizen',
      },
    });
    expect(signup.statusCode).toBe(201);
    // The same user through the full key (content:write) may vote.
    const full = { ...user.headers, origin: partner.origin, 'x-wsc-publishable-key': partner.publishableKey };
    await expectStatus(
      app.inject({ method: 'PUT', url: `/v1/pain-points/${painPoint.id}/vote`, headers: full }),
      200,
    );
  });
});

async function buildWorld(app: TestServer): Promise<World> {
  const partnerA = await createPartner(app);
  const partnerB = await createPartner(app);
  const ownerSso = await ssoSignIn(app, partnerA, { externalUserId: 'a-owner' });
  const ownerHeaders = {
    ...ownerSso.headers,
    origin: partnerA.origin,
    'x-wsc-publishable-key': partnerA.publishableKey,
  };
  const expert = await quickMember(app, ['expert']);
  const moderator = await quickMember(app, ['moderator']);
  const painPoint = await postPainPoint(app, ownerHeaders);
  const comment = await expectStatus(
    app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPoint.id}/comments`,
      headers: ownerHeaders,
      payload: { body: 'My own words' },
    }),
    201,
  );
  await expectStatus(
    app.inject({ method: 'PUT', url: `/v1/pain-points/${painPoint.id}/vote`, headers: ownerHeaders }),
    200,
  );
  await expectStatus(
    app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPoint.id}/standards`,
      headers: expert.headers,
      payload: { standardId: 'iso-37120-2018', coverage: 'partial', clause: '5.3', note: 'Expert A' },
    }),
    201,
  );
  const userB = await ssoSignIn(app, partnerB, { externalUserId: 'b-user' });
  const other = await quickMember(app);
  return {
    partnerA,
    partnerB,
    owner: { accountId: ownerSso.stakeholderId, headers: ownerHeaders, token: ownerSso.token },
    expert,
    moderator,
    painPointId: painPoint.id,
    commentId: (JSON.parse(comment.body) as { id: string }).id,
    actors: {
      foreignKey: {
        accountId: userB.stakeholderId,
        headers: {
          ...userB.headers,
          origin: partnerA.origin,
          'x-wsc-publishable-key': partnerB.publishableKey,
        },
      },
      partnerBUser: {
        accountId: userB.stakeholderId,
        headers: {
          ...userB.headers,
          origin: partnerB.origin,
          'x-wsc-publishable-key': partnerB.publishableKey,
        },
      },
      otherMember: { accountId: other.accountId, headers: other.headers },
      partnerBSecret: { accountId: null, headers: { authorization: `Bearer ${partnerB.secretKey}` } },
    },
  };
}
