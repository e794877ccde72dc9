import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { openStream, type SseConnection } from '../live/test-sse-client';
import {
  createPartner,
  createTestServer,
  databases,
  type TestPartner,
  type TestServer,
} from '../test-support';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';

// Issue #19 §1: an event's registrations are read in full by its organisers of today. Once an
// organisation no longer organises the event, its members and partners replay the event's
// registrations as the public does; the new organisers replay them in full. Webhook deliveries
// are judged the same way when they are sent: a delivery still due, a retry or a redelivery to
// the former organisers' partner carries the public counts.

describe.each(databases())('former organisers replaying registrations, on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  let admin: TestMember;
  let formerOrganiser: TestMember;
  let newOrganiser: TestMember;
  let attendee: TestMember;
  let formerOrganisersPartner: TestPartner;
  let receiver: TestReceiver;
  const open: SseConnection[] = [];

  beforeAll(async () => {
    app = await createTestServer({
      kind,
      seeders: [organizationsSeeder, eventsSeeder],
      webhookAllowPrivate: true,
      webhookWorker: false,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    for (const stream of open) stream.close();
    await app?.dispose();
    await receiver?.close();
  });
  beforeEach(async () => {
    for (const stream of open.splice(0)) stream.close();
    receiver.received.length = 0;
    await app.reset();
    await app.outbox.resync();
    [admin] = (await createMembers(app, 1, { roles: ['member', 'admin'] })) as [TestMember];
    [formerOrganiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
    [newOrganiser] = (await createMembers(app, 1, { organizationId: 'iso' })) as [TestMember];
    [attendee] = (await createMembers(app, 1)) as [TestMember];
    formerOrganisersPartner = await createPartner(app, { name: 'ITU partner' });
    await app.db
      .updateTable('partners')
      .set({ organization_id: 'itu' })
      .where('id', '=', formerOrganisersPartner.id)
      .execute();
  });

  const secret = (partner: TestPartner) => ({ authorization: `Bearer ${partner.secretKey}` });

  /** The `data` of every `registration.created` frame of a replay from the first event. */
  async function replayedRegistrations(eventId: string, headers: Record<string, string>) {
    const stream = await openStream(`${base}/v1/stream?topics=events/${eventId}&lastEventId=0`, headers);
    open.push(stream);
    const frames = await stream.until((all) => all.some((frame) => frame.event === 'registration.created'));
    return frames
      .filter((frame) => frame.event === 'registration.created')
      .map((frame) => JSON.parse(frame.data ?? '{}').data as Record<string, unknown>);
  }

  test('an organisation removed from an event replays its registrations as the public does', async () => {
    const event = await createEventAs(app, formerOrganiser.headers, { organiserIds: ['itu'], capacity: 10 });
    const registered = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/registrations`,
      headers: attendee.headers,
      payload: {},
    });
    expect(registered.statusCode, registered.body).toBe(201);
    await app.outbox.caughtUp();

    const full = { stakeholderId: attendee.accountId, status: 'confirmed' };
    const counts = { eventId: event.id, capacity: 10, seatsLeft: 9, waitlisted: 0 };
    // While ITU organises the event, its member and its partner read the registration in full.
    expect(await replayedRegistrations(event.id, formerOrganiser.headers)).toEqual([
      expect.objectContaining(full),
    ]);
    expect(await replayedRegistrations(event.id, secret(formerOrganisersPartner))).toEqual([
      expect.objectContaining(full),
    ]);

    const changed = await app.inject({
      method: 'PATCH',
      url: `/v1/events/${event.id}`,
      headers: admin.headers,
      payload: { organiserIds: ['iso'] },
    });
    expect(changed.statusCode, changed.body).toBe(200);

    expect(await replayedRegistrations(event.id, formerOrganiser.headers)).toEqual([counts]);
    expect(await replayedRegistrations(event.id, secret(formerOrganisersPartner))).toEqual([counts]);
    expect(await replayedRegistrations(event.id, {})).toEqual([counts]);
    // The new organisers read what came before them; the attendee still reads their own.
    expect(await replayedRegistrations(event.id, newOrganiser.headers)).toEqual([
      expect.objectContaining(full),
    ]);
    expect(await replayedRegistrations(event.id, attendee.headers)).toEqual([expect.objectContaining(full)]);
  });

  test("the former organisers' partner is sent, resent and redelivered the public counts only", async () => {
    const endpoint = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: secret(formerOrganisersPartner),
      payload: { url: receiver.url, eventTypes: ['registration.created'] },
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    const endpointId = endpoint.json().id as string;
    const event = await createEventAs(app, formerOrganiser.headers, { organiserIds: ['itu'], capacity: 10 });
    const register = async (headers: Record<string, string>) => {
      const registered = await app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/registrations`,
        headers,
        payload: {},
      });
      expect(registered.statusCode, registered.body).toBe(201);
      await app.outbox.caughtUp();
    };
    await register(attendee.headers);
    await app.webhookWorker.drain();
    const received = () => receiver.received.map((request) => JSON.parse(request.body).data);
    // While ITU organises the event, its partner is sent the registration in full.
    expect(received()).toEqual([expect.objectContaining({ stakeholderId: attendee.accountId })]);
    // A second registration whose delivery is still due when the organisers change.
    const [second] = (await createMembers(app, 1)) as [TestMember];
    await register(second.headers);

    const changed = await app.inject({
      method: 'PATCH',
      url: `/v1/events/${event.id}`,
      headers: admin.headers,
      payload: { organiserIds: ['iso'] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    receiver.received.length = 0;
    await app.webhookWorker.drain();
    expect(received()).toEqual([{ eventId: event.id, capacity: 10, seatsLeft: 8, waitlisted: 0 }]);

    receiver.received.length = 0;
    const deliveries = (
      await app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${endpointId}/deliveries`,
        headers: secret(formerOrganisersPartner),
      })
    ).json().data as { id: string }[];
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) {
      const redelivered = await app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${endpointId}/deliveries/${delivery.id}/redeliver`,
        headers: secret(formerOrganisersPartner),
      });
      expect(redelivered.statusCode, redelivered.body).toBe(202);
    }
    await app.webhookWorker.drain();
    expect(received().sort((a, b) => b.seatsLeft - a.seatsLeft)).toEqual([
      { eventId: event.id, capacity: 10, seatsLeft: 9, waitlisted: 0 },
      { eventId: event.id, capacity: 10, seatsLeft: 8, waitlisted: 0 },
    ]);
    const bodies = receiver.received.map((request) => request.body).join('\n');
    expect(bodies).not.toContain(attendee.accountId);
    expect(bodies).not.toContain(second.accountId);
  });
});
