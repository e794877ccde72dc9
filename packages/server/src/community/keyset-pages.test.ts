import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createPartner,
  createTestServer,
  databases,
  type TestPartner,
  type TestServer,
} from '../test-support';
import { quickMember } from './fixtures';

/**
 * Every list, walked page by page with a small limit over rows that share one timestamp (the
 * same microsecond, and microseconds apart within one millisecond): no row may come twice and
 * none may be missed. A millisecond cursor (a JavaScript Date) fails this; the keyset codec keeps
 * the microseconds PostgreSQL orders by, and the id breaks ties.
 */

/** Creation times of the rows of each list: ties, microsecond neighbours, millisecond neighbours. */
const STAMPS = [
  '2026-03-01T10:00:00.123000Z',
  '2026-03-01T10:00:00.123000Z',
  '2026-03-01T10:00:00.123000Z',
  '2026-03-01T10:00:00.123001Z',
  '2026-03-01T10:00:00.123001Z',
  '2026-03-01T10:00:00.123002Z',
  '2026-03-01T10:00:00.123999Z',
  '2026-03-01T10:00:00.124000Z',
  '2026-03-01T10:00:00.123000Z',
  '2026-03-01T10:00:00.122999Z',
];

const at = (stamp: string) => sql<Date>`${stamp}::timestamptz`;

interface World {
  app: TestServer;
  partner: TestPartner;
  admin: { accountId: string; headers: Record<string, string> };
  member: { accountId: string; headers: Record<string, string> };
}

interface List {
  /** What the list is, as the test names it. */
  name: string;
  /** Stores the rows (one per stamp) and says where to read them: the URL and the caller. */
  seed: (world: World) => Promise<{ url: string; headers: Record<string, string>; ids: string[] }>;
  /** What identifies an item of the list (`id` unless said). */
  identify?: (item: Record<string, unknown>) => string;
}

async function insertPainPoints(
  world: World,
  city: string,
  votes: number,
  trending: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, stamp] of STAMPS.entries()) {
    const row = await world.app.db
      .insertInto('pain_points')
      .values({
        title: JSON.stringify({ en: `Keyset pain point ${index}` }),
        description: JSON.stringify({ en: 'Rows sharing one timestamp.' }),
        language: 'en',
        domain: 'water',
        severity: 'low',
        city,
        vote_count: votes,
        trending_score: trending,
        author_id: world.member.accountId,
        created_at: at(stamp),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

async function insertComments(world: World, painPointId: string, hidden: boolean): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, stamp] of STAMPS.entries()) {
    const row = await world.app.db
      .insertInto('comments')
      .values({
        pain_point_id: painPointId,
        author_id: world.member.accountId,
        body: `Comment ${index}`,
        hidden,
        hidden_reason: hidden ? 'moderator' : null,
        created_at: at(stamp),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

async function insertEvents(world: World, city: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, stamp] of STAMPS.entries()) {
    const row = await world.app.db
      .insertInto('events')
      .values({
        slug: `keyset-${city.toLowerCase()}-${index}`,
        name: JSON.stringify({ en: `Keyset event ${index}` }),
        description: JSON.stringify({ en: 'An event.' }),
        starts_at: at(stamp),
        ends_at: sql<Date>`${stamp}::timestamptz + interval '1 hour'`,
        time_zone: 'Europe/Zurich',
        city,
        country: 'CH',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

const LISTS: List[] = [
  {
    name: 'partners',
    seed: async ({ app, admin }) => {
      const ids: string[] = [];
      for (const [index, stamp] of STAMPS.entries()) {
        const row = await app.db
          .insertInto('partners')
          .values({ name: `Keyset partner ${index}`, created_at: at(stamp) } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return { url: '/v1/partners', headers: admin.headers, ids };
    },
  },
  {
    name: 'partner keys',
    seed: async ({ app, admin }) => {
      const partner = await createPartner(app);
      const ids = [partner.publishableKeyId, partner.secretKeyId];
      for (const stamp of STAMPS) {
        const row = await app.db
          .insertInto('partner_keys')
          .values({
            partner_id: partner.id,
            kind: 'secret',
            token_hash: randomUUID(),
            prefix: 'sk_live_keys',
            scopes: ['sso'],
            created_at: at(stamp),
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return { url: `/v1/partners/${partner.id}/keys`, headers: admin.headers, ids };
    },
  },
  {
    name: 'webhook endpoints',
    seed: async ({ app }) => {
      const partner = await createPartner(app);
      const ids: string[] = [];
      for (const [index, stamp] of STAMPS.entries()) {
        const row = await app.db
          .insertInto('webhook_endpoints')
          .values({
            partner_id: partner.id,
            url: `https://hooks.example.org/${index}`,
            secret: `whsec_${randomUUID()}`,
            event_types: ['pain_point.voted'],
            created_at: at(stamp),
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return { url: '/v1/webhook-endpoints', headers: { authorization: `Bearer ${partner.secretKey}` }, ids };
    },
  },
  {
    name: 'webhook deliveries',
    seed: async ({ app, partner }) => {
      const endpoint = await app.db
        .insertInto('webhook_endpoints')
        .values({
          partner_id: partner.id,
          url: 'https://hooks.example.org/deliveries',
          secret: `whsec_${randomUUID()}`,
          event_types: ['pain_point.voted'],
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids: string[] = [];
      for (const stamp of STAMPS) {
        const event = await app.db
          .insertInto('outbox_events')
          .values({
            type: 'pain_point.voted',
            subject_type: 'pain_point',
            subject_id: randomUUID(),
            topics: ['keyset'],
            data: JSON.stringify({}),
            audience: JSON.stringify({}),
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        const row = await app.db
          .insertInto('webhook_deliveries')
          .values({
            endpoint_id: endpoint.id,
            event_id: event.id,
            event_type: 'pain_point.voted',
            status: 'succeeded',
            next_attempt_at: null,
            created_at: at(stamp),
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return {
        url: `/v1/webhook-endpoints/${endpoint.id}/deliveries`,
        headers: { authorization: `Bearer ${partner.secretKey}` },
        ids,
      };
    },
  },
  {
    name: 'audit log',
    seed: async ({ app, admin }) => {
      const ids: string[] = [];
      for (const stamp of STAMPS) {
        const row = await app.db
          .insertInto('audit_log')
          .values({ action: 'keyset.tested', subject_type: 'keyset', at: at(stamp) } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return { url: '/v1/audit-log?subjectType=keyset', headers: admin.headers, ids };
    },
  },
  ...(['top', 'new', 'trending'] as const).map(
    (sort): List => ({
      name: `pain points, sort ${sort}`,
      seed: async (world) => {
        const city = `Keyset ${sort}`;
        const ids = await insertPainPoints(world, city, 3, 1.25);
        return {
          url: `/v1/pain-points?sort=${sort}&city=${encodeURIComponent(city)}`,
          headers: world.member.headers,
          ids,
        };
      },
    }),
  ),
  {
    name: 'comments',
    seed: async (world) => {
      const [painPointId] = await insertPainPoints(world, 'Keyset comments', 0, 0);
      const ids = await insertComments(world, painPointId as string, false);
      return { url: `/v1/pain-points/${painPointId}/comments`, headers: world.member.headers, ids };
    },
  },
  {
    name: 'moderation queue',
    seed: async (world) => {
      const [painPointId] = await insertPainPoints(world, 'Keyset moderation', 0, 0);
      const ids = await insertComments(world, painPointId as string, true);
      return { url: '/v1/moderation/comments?state=hidden', headers: world.admin.headers, ids };
    },
  },
  {
    name: 'standards',
    seed: async ({ app, member }) => {
      const rows = await app.db.selectFrom('standards').select('id').execute();
      return { url: '/v1/standards', headers: member.headers, ids: rows.map((row) => row.id) };
    },
  },
  {
    name: 'stakeholders',
    seed: async ({ app, member }) => {
      const ids: string[] = [];
      for (const stamp of STAMPS) {
        const { accountId } = await quickMember(app);
        await app.db
          .updateTable('stakeholders')
          .set({ display_name: 'Keyset member', created_at: at(stamp) } as never)
          .where('id', '=', accountId)
          .execute();
        ids.push(accountId);
      }
      return { url: '/v1/stakeholders?q=Keyset%20member', headers: member.headers, ids };
    },
  },
  {
    name: 'organizations (one name for all)',
    seed: async ({ app, member }) => {
      const ids: string[] = [];
      for (const [index, stamp] of STAMPS.entries()) {
        const row = await app.db
          .insertInto('organizations')
          .values({
            slug: `keyset-org-${index}`,
            name: 'Keyset Org',
            type: 'city',
            created_at: at(stamp),
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return { url: '/v1/organizations?q=keyset-org', headers: member.headers, ids };
    },
  },
  ...(['all', 'past'] as const).map(
    (when): List => ({
      name: `events, when ${when}`,
      seed: async (world) => {
        const city = `Keyset${when}`;
        const ids = await insertEvents(world, city);
        return { url: `/v1/events?when=${when}&city=${city}`, headers: world.member.headers, ids };
      },
    }),
  ),
  {
    name: 'memberships of an organization',
    identify: (item) => String(item.accountId),
    seed: async ({ app, admin }) => {
      const organization = await app.db
        .insertInto('organizations')
        .values({ slug: 'keyset-memberships', name: 'Keyset Memberships', type: 'city' } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids: string[] = [];
      for (const stamp of STAMPS) {
        const { accountId } = await quickMember(app);
        await app.db
          .insertInto('organization_memberships')
          .values({
            organization_id: organization.id,
            account_id: accountId,
            status: 'pending',
            basis: 'request',
            requested_at: at(stamp),
          } as never)
          .execute();
        ids.push(accountId);
      }
      return { url: `/v1/organizations/${organization.id}/memberships`, headers: admin.headers, ids };
    },
  },
  {
    name: 'registrations of an event',
    seed: async (world) => {
      const [eventId] = await insertEvents(world, 'Keysetregistrations');
      const ids: string[] = [];
      for (const stamp of STAMPS) {
        const { accountId } = await quickMember(world.app);
        const row = await world.app.db
          .insertInto('registrations')
          .values({
            event_id: eventId as string,
            account_id: accountId,
            status: 'confirmed',
            basis: 'community-member',
            created_at: at(stamp),
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      return { url: `/v1/events/${eventId}/registrations`, headers: world.admin.headers, ids };
    },
  },
];

describe.each(databases())('keyset pages on $kind', ({ kind }) => {
  let world: World;

  beforeAll(async () => {
    const app = await createTestServer({ kind, webhookWorker: false });
    await app.reset();
    world = {
      app,
      partner: await createPartner(app),
      admin: await quickMember(app, ['admin']),
      member: await quickMember(app),
    };
  });
  afterAll(() => world?.app.dispose());

  test.each(LISTS)('$name: every row once, page by page', async ({ seed, identify }) => {
    const { url, headers, ids } = await seed(world);
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const separator = url.includes('?') ? '&' : '?';
        const page = await world.app.inject({
          method: 'GET',
          url: `${url}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          headers,
        });
        expect(page.statusCode, page.body).toBe(200);
        const body = page.json() as { data: Record<string, unknown>[]; nextCursor: string | null };
        expect(body.data.length).toBeLessThanOrEqual(limit);
        seen.push(...body.data.map((item) => (identify ? identify(item) : String(item.id))));
        cursor = body.nextCursor;
        pages += 1;
        expect(pages, 'the walk does not end').toBeLessThan(1000);
      } while (cursor);
      expect(seen.length, `limit ${limit}: a row came twice`).toBe(new Set(seen).size);
      expect(
        ids.filter((id) => !seen.includes(id)),
        `limit ${limit}: rows skipped`,
      ).toEqual([]);
    }
  });
});
