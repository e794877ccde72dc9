import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { openStream, type SseConnection } from '../live/test-sse-client';
import {
  createPartner,
  createTestServer,
  databases,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support';

// Issue #19 §1: a waitlisted member promoted into a freed seat is told about in full only to that
// member, their own partners and the event's organisers, never to the partner of whoever freed
// the seat; the same when the seat is freed by an account deletion.

const REGISTRATION_EVENTS = ['registration.created', 'registration.cancelled', 'registration.promoted'];

describe.each(databases())('who reads a promotion, on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  let organiser: TestMember;
  let cancellersPartner: TestPartner;
  let promotedsPartner: TestPartner;
  let bystander: TestPartner;
  const open: SseConnection[] = [];

  beforeAll(async () => {
    app = await createTestServer({
      kind,
      seeders: [organizationsSeeder, eventsSeeder],
      webhookAllowPrivate: true,
      webhookWorker: false,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const stream of open) stream.close();
    await app?.dispose();
  });
  beforeEach(async () => {
    for (const stream of open.splice(0)) stream.close();
    await app.reset();
    await app.outbox.resync();
    [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
    cancellersPartner = await createPartner(app, { name: 'Partner A' });
    promotedsPartner = await createPartner(app, { name: 'Partner B' });
    bystander = await createPartner(app, { name: 'Partner C' });
    for (const partner of [cancellersPartner, promotedsPartner, bystander]) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: secret(partner),
        // Nothing listens there: the worker is off, the deliveries are only recorded.
        payload: { url: 'http://127.0.0.1:9/hooks', eventTypes: REGISTRATION_EVENTS },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  });

  const secret = (partner: TestPartner) => ({ authorization: `Bearer ${partner.secretKey}` });

  async function connect(query: string, headers: Record<string, string> = {}) {
    const stream = await openStream(`${base}/v1/stream${query}`, headers);
    open.push(stream);
    await stream.until((frames) => frames.some((frame) => frame.retry !== undefined));
    return stream;
  }

  /** A full event with one seat: the canceller holds it (through partner A), the promoted member waits. */
  async function fullEvent() {
    const event = await createEventAs(app, organiser.headers, { capacity: 1 });
    const canceller = await ssoSignIn(app, cancellersPartner, { externalUserId: `a-${event.id}` });
    const promoted = await ssoSignIn(app, promotedsPartner, { externalUserId: `b-${event.id}` });
    const register = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: `/v1/events/${event.id}/registrations`, headers, payload: {} });
    expect((await register(canceller.headers)).json()).toMatchObject({ status: 'confirmed' });
    expect((await register(promoted.headers)).json()).toMatchObject({ status: 'waitlisted' });
    return { event, canceller, promoted };
  }

  /** The `data` of the stream's `registration.promoted` frame, once it came. */
  async function promotionSeenBy(stream: SseConnection): Promise<Record<string, unknown>> {
    const frames = await stream.until((all) => all.some((frame) => frame.event === 'registration.promoted'));
    const frame = frames.find((each) => each.event === 'registration.promoted');
    return JSON.parse(frame?.data ?? '{}').data;
  }

  /** Which partners got a webhook delivery of each registration event type. */
  async function deliveredTo(): Promise<Record<string, string[]>> {
    const rows = await app.db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
      .innerJoin('partners', 'partners.id', 'webhook_endpoints.partner_id')
      .select(['webhook_deliveries.event_type', 'partners.name'])
      .orderBy('partners.name')
      .execute();
    const result: Record<string, string[]> = {};
    for (const row of rows) result[row.event_type] = [...(result[row.event_type] ?? []), row.name];
    return result;
  }

  test("a cancellation through partner A promotes a member of partner B: A's stream, replay and webhooks get the counts only", async () => {
    const { event, canceller, promoted } = await fullEvent();
    const query = '?topics=registrations';
    const streams = {
      cancellersPartner: await connect(query, secret(cancellersPartner)),
      promotedsPartner: await connect(query, secret(promotedsPartner)),
      bystander: await connect(query, secret(bystander)),
      promotedMember: await connect(query, promoted.headers),
      organiser: await connect(query, organiser.headers),
      anonymous: await connect(query),
    };

    const cancelled = await app.inject({
      method: 'DELETE',
      url: `/v1/events/${event.id}/registrations/me`,
      headers: canceller.headers,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    const full = { id: expect.any(String), stakeholderId: promoted.stakeholderId, status: 'confirmed' };
    const counts = { eventId: event.id, capacity: 1, seatsLeft: 0, waitlisted: 0 };
    for (const name of ['cancellersPartner', 'bystander', 'anonymous'] as const) {
      expect(await promotionSeenBy(streams[name]), name).toEqual(counts);
    }
    expect(await promotionSeenBy(streams.promotedMember)).toMatchObject(full);
    expect(await promotionSeenBy(streams.promotedsPartner)).toMatchObject(full);
    expect(await promotionSeenBy(streams.organiser)).toMatchObject(full);
    // The canceller's own cancellation still reaches the partner it went through.
    const cancellation = streams.cancellersPartner
      .events()
      .find((frame) => frame.event === 'registration.cancelled');
    expect(JSON.parse(cancellation?.data ?? '{}').data).toMatchObject({
      stakeholderId: canceller.stakeholderId,
    });

    // A replay from the start applies the same audience.
    const replay = await connect(`${query}&lastEventId=0`, secret(cancellersPartner));
    expect(await promotionSeenBy(replay)).toEqual(counts);

    const deliveries = await deliveredTo();
    expect(deliveries['registration.promoted']).toEqual(['Partner B']);
    expect(deliveries['registration.cancelled']).toEqual(['Partner A']);
  });

  test("an account deletion through partner A frees the seat: the promotion does not reach A's stream or webhooks in full", async () => {
    const { canceller, promoted } = await fullEvent();
    const query = '?topics=registrations';
    const cancellersStream = await connect(query, secret(cancellersPartner));
    const promotedsStream = await connect(query, secret(promotedsPartner));

    const deleted = await app.inject({ method: 'DELETE', url: '/v1/me', headers: canceller.headers });
    expect(deleted.statusCode, deleted.body).toBe(204);

    const seenByA = await promotionSeenBy(cancellersStream);
    expect(seenByA).not.toHaveProperty('stakeholderId');
    expect(JSON.stringify(seenByA)).not.toContain(promoted.stakeholderId);
    expect((await deliveredTo())['registration.promoted']).not.toContain('Partner A');
    expect(await promotionSeenBy(promotedsStream)).toMatchObject({ stakeholderId: promoted.stakeholderId });
    expect((await deliveredTo())['registration.promoted']).toEqual(['Partner B']);
  });

  test("an organiser raising the capacity through partner C's site: the promotion reaches the member's partner, not C", async () => {
    const { event, promoted } = await fullEvent();
    const query = '?topics=registrations';
    const throughSite = await connect(query, secret(bystander));
    const promotedsStream = await connect(query, secret(promotedsPartner));

    const raised = await app.inject({
      method: 'PATCH',
      url: `/v1/events/${event.id}`,
      headers: {
        ...organiser.headers,
        origin: bystander.origin,
        'x-wsc-publishable-key': bystander.publishableKey,
      },
      payload: { capacity: 2 },
    });
    expect(raised.statusCode, raised.body).toBe(200);

    const seenByC = await promotionSeenBy(throughSite);
    expect(seenByC).not.toHaveProperty('stakeholderId');
    expect((await deliveredTo())['registration.promoted']).toEqual(['Partner B']);
    expect(await promotionSeenBy(promotedsStream)).toMatchObject({ stakeholderId: promoted.stakeholderId });
  });
});
