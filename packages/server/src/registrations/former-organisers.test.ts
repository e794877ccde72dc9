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

// Issue #19 §1: an event's registrations are read in full by its organisers of today. Once an
// organisation no longer organises the event, its members and partners replay the event's
// registrations as the public does; the new organisers replay them in full.

describe.each(databases())('former organisers replaying registrations, on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  let admin: TestMember;
  let formerOrganiser: TestMember;
  let newOrganiser: TestMember;
  let attendee: TestMember;
  let formerOrganisersPartner: TestPartner;
  const open: SseConnection[] = [];

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder, eventsSeeder] });
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
});
