import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@wsc/models';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { openStream, type SseConnection, type SseFrame } from '../live/test-sse-client';
import { standardsSeeder } from '../standards/seed';
import {
  createPartner,
  createTestServer,
  databases,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';

// Issue #19 §1: every event type the outbox emits × every audience, live (an open stream),
// replayed (`Last-Event-ID`) and as webhook deliveries. One scenario makes each type happen once
// or more about one member ("the member themself", an expert who came through partner A's single
// sign-on); the table says what each audience must see of each type. The event's organisers
// change after the scenario, before the replays: ITU organised it while the events were written
// (the former organisers), ISO organises it since (the current ones), so live streams and
// deliveries follow the organisers of the day and replays those of today. A type added to
// WEBHOOK_EVENT_TYPES without a row fails the test (and the type check).

/** `full`: the payload; `public`: the public counts only; `none`: nothing at all. */
type Seen = 'full' | 'public' | 'none';

const STREAM_AUDIENCES = [
  'anonymous',
  'publishable key',
  'member',
  'the member themself',
  'partner A (the member came through it)',
  'partner B',
  'current organiser',
  "current organisers' partner",
  'former organiser',
  "former organisers' partner",
  'moderator',
] as const;
type StreamAudience = (typeof STREAM_AUDIENCES)[number];

const WEBHOOK_AUDIENCES = [
  'partner A (the member came through it)',
  'partner B',
  "current organisers' partner",
  "former organisers' partner",
] as const;
type WebhookAudience = (typeof WEBHOOK_AUDIENCES)[number];

interface Row {
  /** What each audience saw live, while the former organisers organised the event. */
  live: Record<StreamAudience, Seen>;
  /** What each audience replays once the current organisers took over. */
  replay: Record<StreamAudience, Seen>;
  /** What each partner's webhook endpoint (subscribed to every type) is sent. */
  webhooks: Record<WebhookAudience, Seen>;
}

const everyone = <Audience extends string>(audiences: readonly Audience[], seen: Seen) =>
  Object.fromEntries(audiences.map((audience) => [audience, seen])) as Record<Audience, Seen>;

/** Community content: anyone may read it, every subscribed endpoint is sent it. */
const PUBLIC: Row = {
  live: everyone(STREAM_AUDIENCES, 'full'),
  replay: everyone(STREAM_AUDIENCES, 'full'),
  webhooks: everyone(WEBHOOK_AUDIENCES, 'full'),
};

/** What an event about the member shows everyone but its organisers: the counts, or all of it. */
const ABOUT_THE_MEMBER_BEYOND_ORGANISERS = {
  anonymous: 'public',
  'publishable key': 'public',
  member: 'public',
  'the member themself': 'full',
  'partner A (the member came through it)': 'full',
  'partner B': 'public',
  moderator: 'public',
} as const;

/**
 * An event about a member: in full to them, their partners and the event's organisers of the day
 * it is read; the counts to everyone else; delivered to the partners that may read it when it is
 * written, and to no other.
 */
const ABOUT_THE_MEMBER: Row = {
  live: {
    ...ABOUT_THE_MEMBER_BEYOND_ORGANISERS,
    'former organiser': 'full',
    "former organisers' partner": 'full',
    'current organiser': 'public',
    "current organisers' partner": 'public',
  },
  replay: {
    ...ABOUT_THE_MEMBER_BEYOND_ORGANISERS,
    'former organiser': 'public',
    "former organisers' partner": 'public',
    'current organiser': 'full',
    "current organisers' partner": 'full',
  },
  webhooks: {
    'partner A (the member came through it)': 'full',
    'partner B': 'none',
    "former organisers' partner": 'full',
    "current organisers' partner": 'none',
  },
};

const MATRIX: Record<WebhookEventType, Row> = {
  'pain_point.created': PUBLIC,
  'pain_point.updated': PUBLIC,
  'pain_point.voted': PUBLIC,
  'comment.created': PUBLIC,
  'comment.updated': PUBLIC,
  'comment.hidden': PUBLIC,
  'standard_mapping.created': PUBLIC,
  'registration.created': ABOUT_THE_MEMBER,
  'registration.cancelled': ABOUT_THE_MEMBER,
  'registration.promoted': ABOUT_THE_MEMBER,
  'event.updated': PUBLIC,
};

const REGISTRATION_TYPES = new Set<string>([
  'registration.created',
  'registration.cancelled',
  'registration.promoted',
]);
const LAST_TYPE: WebhookEventType = 'registration.cancelled';

interface ReceivedEvent {
  type: string;
  data: Record<string, unknown>;
}

describe.each(databases())('who sees which event, on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  const open: SseConnection[] = [];
  const receivers = new Map<WebhookAudience, TestReceiver>();
  const live = new Map<StreamAudience, SseConnection>();
  const headersOf = new Map<StreamAudience, Record<string, string>>();
  let setupLastEventId = '0';
  let memberId = '';

  beforeAll(async () => {
    app = await createTestServer({
      kind,
      seeders: [organizationsSeeder, standardsSeeder, eventsSeeder],
      webhookAllowPrivate: true,
      webhookWorker: false,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const audience of WEBHOOK_AUDIENCES) receivers.set(audience, await startTestReceiver());

    // Set-up: who is who, the endpoints, an event ITU organises, full.
    const partnerA = await createPartner(app, { name: 'Partner A' });
    const partnerB = await createPartner(app, { name: 'Partner B' });
    const currentOrganisersPartner = await createPartner(app, { name: 'ISO site' });
    const formerOrganisersPartner = await createPartner(app, { name: 'ITU site' });
    for (const [partner, organizationId] of [
      [currentOrganisersPartner, 'iso'],
      [formerOrganisersPartner, 'itu'],
    ] as const) {
      await app.db
        .updateTable('partners')
        .set({ organization_id: organizationId })
        .where('id', '=', partner.id)
        .execute();
    }
    const partners: Record<WebhookAudience, TestPartner> = {
      'partner A (the member came through it)': partnerA,
      'partner B': partnerB,
      "current organisers' partner": currentOrganisersPartner,
      "former organisers' partner": formerOrganisersPartner,
    };
    for (const audience of WEBHOOK_AUDIENCES) {
      const endpoint = await app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: secret(partners[audience]),
        payload: { url: receivers.get(audience)?.url, eventTypes: [...WEBHOOK_EVENT_TYPES] },
      });
      expect(endpoint.statusCode, endpoint.body).toBe(201);
    }
    const member = await ssoSignIn(app, partnerA, { externalUserId: 'matrix-member' });
    memberId = member.stakeholderId;
    await app.db
      .updateTable('accounts')
      .set({ roles: ['member', 'expert'] })
      .where('id', '=', memberId)
      .execute();
    const [someone, currentOrganiser, formerOrganiser, moderator, admin, filler] = [
      ...(await createMembers(app, 1)),
      ...(await createMembers(app, 1, { organizationId: 'iso' })),
      ...(await createMembers(app, 1, { organizationId: 'itu' })),
      ...(await createMembers(app, 1, { roles: ['member', 'moderator'] })),
      ...(await createMembers(app, 1, { roles: ['member', 'admin'] })),
      ...(await createMembers(app, 1)),
    ] as TestMember[] as [TestMember, TestMember, TestMember, TestMember, TestMember, TestMember];
    headersOf.set('anonymous', {});
    headersOf.set('publishable key', {
      origin: partnerB.origin,
      'x-wsc-publishable-key': partnerB.publishableKey,
    });
    headersOf.set('member', someone.headers);
    headersOf.set('the member themself', member.headers);
    headersOf.set('partner A (the member came through it)', secret(partnerA));
    headersOf.set('partner B', secret(partnerB));
    headersOf.set('current organiser', currentOrganiser.headers);
    headersOf.set("current organisers' partner", secret(currentOrganisersPartner));
    headersOf.set('former organiser', formerOrganiser.headers);
    headersOf.set("former organisers' partner", secret(formerOrganisersPartner));
    headersOf.set('moderator', moderator.headers);

    const event = await createEventAs(app, formerOrganiser.headers, { organiserIds: ['itu'], capacity: 1 });
    await expectStatus(
      app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/registrations`,
        headers: filler.headers,
        payload: {},
      }),
      201,
    );
    await app.outbox.caughtUp();
    await app.webhookWorker.drain();
    for (const receiver of receivers.values()) receiver.received.length = 0;
    const last = await app.db
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    setupLastEventId = String(last?.id ?? 0);

    // Every audience listens from now on.
    for (const audience of STREAM_AUDIENCES) {
      const stream = await openStream(`${base}/v1/stream`, headersOf.get(audience));
      open.push(stream);
      await stream.until((frames) => frames.some((frame) => frame.retry !== undefined));
      live.set(audience, stream);
    }

    // The scenario: every event type, each about the member (or public).
    const as = member.headers;
    const painPoint = await expectStatus(
      app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        headers: as,
        payload: {
          title: { en: 'Buses bunch on the ring road' },
          description: { en: 'Three arrive at once, then none for half an hour.' },
          domain: 'mobility',
          severity: 'medium',
        },
      }),
      201,
    );
    const painPointId = painPoint.id as string;
    await expectStatus(
      app.inject({
        method: 'PATCH',
        url: `/v1/pain-points/${painPointId}`,
        headers: as,
        payload: { severity: 'high' },
      }),
      200,
    );
    await expectStatus(
      app.inject({ method: 'PUT', url: `/v1/pain-points/${painPointId}/vote`, headers: someone.headers }),
      200,
    );
    const comment = await expectStatus(
      app.inject({
        method: 'POST',
        url: `/v1/pain-points/${painPointId}/comments`,
        headers: as,
        payload: { body: 'Every morning.' },
      }),
      201,
    );
    await expectStatus(
      app.inject({
        method: 'PATCH',
        url: `/v1/comments/${comment.id}`,
        headers: as,
        payload: { body: 'Every weekday morning.' },
      }),
      200,
    );
    await expectStatus(
      app.inject({
        method: 'POST',
        url: `/v1/comments/${comment.id}/hide`,
        headers: moderator.headers,
        payload: { reason: 'Off topic' },
      }),
      200,
    );
    const standard = (await app.inject({ method: 'GET', url: '/v1/standards?limit=1' })).json().data[0];
    await expectStatus(
      app.inject({
        method: 'POST',
        url: `/v1/pain-points/${painPointId}/standards`,
        headers: as,
        payload: { standardId: standard.id, coverage: 'partial' },
      }),
      201,
    );
    // Waitlisted behind the filler, promoted when the organisers add a seat, then cancelled.
    await expectStatus(
      app.inject({ method: 'POST', url: `/v1/events/${event.id}/registrations`, headers: as, payload: {} }),
      201,
    );
    await expectStatus(
      app.inject({
        method: 'PATCH',
        url: `/v1/events/${event.id}`,
        headers: formerOrganiser.headers,
        payload: { capacity: 2 },
      }),
      200,
    );
    await expectStatus(
      app.inject({ method: 'DELETE', url: `/v1/events/${event.id}/registrations/me`, headers: as }),
      200,
    );
    await app.outbox.caughtUp();
    await app.webhookWorker.drain();
    // Every audience heard the scenario live (from the same read of the outbox) before the change.
    for (const stream of live.values()) {
      await stream.until((frames) => frames.some((frame) => frame.event === LAST_TYPE));
    }
    await expectStatus(
      app.inject({
        method: 'PATCH',
        url: `/v1/events/${event.id}`,
        headers: admin.headers,
        payload: { organiserIds: ['iso'] },
      }),
      200,
    );
    await app.outbox.caughtUp();
  }, 120_000);

  afterAll(async () => {
    for (const stream of open) stream.close();
    await app?.dispose();
    for (const receiver of receivers.values()) await receiver.close();
  });

  function secret(partner: TestPartner) {
    return { authorization: `Bearer ${partner.secretKey}` };
  }

  async function expectStatus(
    answer: PromiseLike<{ statusCode: number; body: string; json: () => unknown }>,
    status: number,
  ) {
    const response = await answer;
    expect(response.statusCode, `${response.statusCode} ${response.body}`).toBeLessThan(300);
    expect([status, 204]).toContain(response.statusCode);
    return response.body ? (response.json() as Record<string, unknown>) : {};
  }

  function eventsOf(frames: readonly SseFrame[]): ReceivedEvent[] {
    return frames
      .filter((frame) => frame.event)
      .map((frame) => ({ type: frame.event as string, data: JSON.parse(frame.data ?? '{}').data }));
  }

  /** What one audience saw of one type: nothing, or the one kind every frame of it had. */
  function seenOf(events: readonly ReceivedEvent[], type: WebhookEventType): Seen | string {
    const kinds = new Set(
      events
        .filter((event) => event.type === type)
        .map((event) => {
          if (!REGISTRATION_TYPES.has(type)) return 'full';
          if (!('stakeholderId' in event.data)) {
            const keys = Object.keys(event.data).sort().join(',');
            return keys === 'capacity,eventId,seatsLeft,waitlisted' ? 'public' : `unexpected fields ${keys}`;
          }
          return event.data.stakeholderId === memberId ? 'full' : 'another member';
        }),
    );
    if (kinds.size === 0) return 'none';
    return [...kinds].sort().join(' and ');
  }

  test('every event type has a row', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });

  test('live: each audience sees what its row says', async () => {
    const seen: Record<string, Record<string, Seen | string>> = {};
    const expected: Record<string, Record<string, Seen>> = {};
    for (const audience of STREAM_AUDIENCES) {
      const stream = live.get(audience) as SseConnection;
      const events = eventsOf(
        await stream.until((frames) => frames.some((frame) => frame.event === LAST_TYPE)),
      );
      for (const type of WEBHOOK_EVENT_TYPES) {
        seen[type] = { ...seen[type], [audience]: seenOf(events, type) };
        expected[type] = { ...expected[type], [audience]: MATRIX[type].live[audience] };
      }
    }
    expect(seen).toEqual(expected);
  });

  test('replayed from before the scenario: each audience sees what its row says', async () => {
    const seen: Record<string, Record<string, Seen | string>> = {};
    const expected: Record<string, Record<string, Seen>> = {};
    for (const audience of STREAM_AUDIENCES) {
      const stream = await openStream(
        `${base}/v1/stream?lastEventId=${setupLastEventId}`,
        headersOf.get(audience),
      );
      open.push(stream);
      const events = eventsOf(
        await stream.until((frames) => frames.some((frame) => frame.event === LAST_TYPE)),
      );
      stream.close();
      for (const type of WEBHOOK_EVENT_TYPES) {
        seen[type] = { ...seen[type], [audience]: seenOf(events, type) };
        expected[type] = { ...expected[type], [audience]: MATRIX[type].replay[audience] };
      }
    }
    expect(seen).toEqual(expected);
  });

  test("webhooks: each partner's endpoint is sent what its row says", () => {
    const seen: Record<string, Record<string, Seen | string>> = {};
    const expected: Record<string, Record<string, Seen>> = {};
    for (const audience of WEBHOOK_AUDIENCES) {
      const received = receivers.get(audience)?.received ?? [];
      const events = received.map((request) => JSON.parse(request.body) as ReceivedEvent);
      for (const type of WEBHOOK_EVENT_TYPES) {
        seen[type] = { ...seen[type], [audience]: seenOf(events, type) };
        expected[type] = { ...expected[type], [audience]: MATRIX[type].webhooks[audience] };
      }
    }
    expect(seen).toEqual(expected);
  });
});
