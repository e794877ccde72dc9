import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createEventAs, createMembers } from '../events/fixtures';
import { openStream, type SseConnection } from '../live/test-sse-client';
import { createPartner, createTestServer, signUp, type TestServer } from '../test-support';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';

// The feature services write their outbox events in their own transactions: checked end to end,
// from the HTTP route that makes the change to the stream and the webhook receiver.

let app: TestServer;
let base: string;
let receiver: TestReceiver;
const streams: SseConnection[] = [];

beforeAll(async () => {
  app = await createTestServer({ webhookAllowPrivate: true, webhookWorker: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  receiver = await startTestReceiver();
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await app?.dispose();
  await receiver?.close();
});
beforeEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await app.reset();
  await app.outbox.resync();
  receiver.received.length = 0;
});

async function connect(query: string, headers: Record<string, string> = {}) {
  const stream = await openStream(`${base}/v1/stream${query}`, headers);
  streams.push(stream);
  await stream.until((frames) => frames.some((frame) => frame.retry !== undefined));
  return stream;
}

const payloads = (stream: SseConnection) =>
  stream.events().map((frame) => ({ event: frame.event, data: JSON.parse(frame.data ?? '{}').data }));

describe('community changes reach the stream and webhooks', () => {
  test('pain point created, voted and commented; a hidden comment is withdrawn without its text', async () => {
    const partner = await createPartner(app);
    const endpoint = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: {
        url: receiver.url,
        eventTypes: ['pain_point.created', 'pain_point.voted', 'comment.hidden'],
      },
    });
    expect(endpoint.statusCode).toBe(201);
    const author = await signUp(app);
    const voter = await signUp(app);
    const moderator = await signUp(app, { roles: ['moderator'] });
    const stream = await connect('?topics=pain-points,votes,comments');

    const created = await app.inject({
      method: 'POST',
      url: '/v1/pain-points',
      headers: author.headers,
      payload: {
        title: { en: 'Leaking water mains', fr: "Fuites d'eau" },
        description: { en: 'A third of treated water is lost before it reaches homes.' },
        domain: 'water',
        severity: 'high',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const painPointId = created.json().id as string;
    const voted = await app.inject({
      method: 'PUT',
      url: `/v1/pain-points/${painPointId}/vote`,
      headers: voter.headers,
    });
    expect(voted.statusCode).toBeLessThan(300);
    const comment = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPointId}/comments`,
      headers: voter.headers,
      payload: { body: 'My phone number is 555-0100' },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const commentId = comment.json().id as string;
    const hidden = await app.inject({
      method: 'POST',
      url: `/v1/comments/${commentId}/hide`,
      headers: moderator.headers,
      payload: { reason: 'Personal data' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);

    await stream.until((frames) => frames.some((frame) => frame.event === 'comment.hidden'));
    const seen = payloads(stream);
    expect(seen.map((entry) => entry.event)).toEqual([
      'pain_point.created',
      'pain_point.voted',
      'comment.created',
      'comment.hidden',
    ]);
    expect(seen[0]?.data).toMatchObject({
      id: painPointId,
      title: { en: 'Leaking water mains', fr: "Fuites d'eau" },
    });
    expect(seen[1]?.data).toEqual({ painPointId, voteCount: 1 });
    expect(seen[3]?.data).toMatchObject({ id: commentId, painPointId, hidden: true });
    expect(JSON.stringify(seen[3]?.data)).not.toContain('555-0100');

    // Replaying the history after the hide never shows the withdrawn text.
    const replay = await connect('?topics=comments&lastEventId=0');
    await replay.until((frames) => frames.some((frame) => frame.event === 'comment.hidden'));
    expect(payloads(replay)[0]?.data).toMatchObject({ id: commentId, body: '', hidden: true });
    expect(JSON.stringify(payloads(replay))).not.toContain('555-0100');

    await app.webhookWorker.drain();
    expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual([
      'pain_point.created',
      'pain_point.voted',
      'comment.hidden',
    ]);
  });

  test('a pain point and a comment reach the stream and webhooks with every field the API shows them with', async () => {
    const partner = await createPartner(app);
    const endpoint = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { url: receiver.url, eventTypes: ['pain_point.created', 'comment.created'] },
    });
    expect(endpoint.statusCode).toBe(201);
    const author = await signUp(app);
    const stream = await connect('?topics=pain-points,comments');
    const created = await app.inject({
      method: 'POST',
      url: '/v1/pain-points',
      headers: author.headers,
      payload: {
        title: { en: 'Flooded underpasses', es: 'Pasos inferiores inundados' },
        description: { en: 'Every storm closes the underpasses for a day.' },
        domain: 'water',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const painPointId = created.json().id as string;
    const comment = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPointId}/comments`,
      headers: author.headers,
      payload: { body: 'Since the new ring road.' },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    await stream.until((frames) => frames.some((frame) => frame.event === 'comment.created'));
    const [painPointEvent, commentEvent] = payloads(stream);

    // One mapper: the event is the API's answer in every language (no viewer, so no `voted`).
    const read = await app.inject({
      method: 'GET',
      url: `/v1/pain-points/${painPointId}`,
      headers: { 'accept-language': 'es' },
    });
    const { voted: _voted, ...answer } = read.json();
    expect(painPointEvent?.data).toEqual({
      ...answer,
      title: { en: 'Flooded underpasses', es: 'Pasos inferiores inundados' },
      description: { en: 'Every storm closes the underpasses for a day.' },
      language: 'en',
      sample: false,
      locked: false,
      commentCount: 0,
    });
    const comments = await app.inject({ method: 'GET', url: `/v1/pain-points/${painPointId}/comments` });
    expect(commentEvent?.data).toEqual(comments.json().data[0]);

    await app.webhookWorker.drain();
    const bodies = receiver.received.map((request) => JSON.parse(request.body));
    expect(bodies.map((body) => body.type)).toEqual(['pain_point.created', 'comment.created']);
    expect(bodies[0].data).toEqual(painPointEvent?.data);
    expect(bodies[1].data).toEqual(commentEvent?.data);
  });

  test('registrations: the member sees theirs, the public sees seats left, the event topic follows one event', async () => {
    const [admin] = await createMembers(app, 1, { roles: ['admin'] });
    const [attendee, other] = await createMembers(app, 2);
    const [organiser] = await createMembers(app, 1, { organizationId: 'itu' });
    if (!admin || !attendee || !other || !organiser) throw new Error('members');
    const event = await createEventAs(app, admin.headers, { capacity: 1 });
    const asPublic = await connect(`?topics=events/${event.slug}`);
    const asAttendee = await connect(`?topics=events/${event.id}`, attendee.headers);
    const asOrganiser = await connect('?topics=registrations', organiser.headers);
    const register = (member: typeof attendee) =>
      app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/registrations`,
        headers: member.headers,
        payload: {},
      });
    expect((await register(attendee)).statusCode).toBe(201);
    expect((await register(other)).statusCode).toBe(201);
    const cancelled = await app.inject({
      method: 'DELETE',
      url: `/v1/events/${event.id}/registrations/me`,
      headers: attendee.headers,
    });
    expect(cancelled.statusCode).toBeLessThan(300);

    const fourEvents = (frames: { event?: string }[]) => frames.filter((frame) => frame.event).length >= 4;
    await asPublic.until(fourEvents);
    await asAttendee.until(fourEvents);
    await asOrganiser.until(fourEvents);
    expect(payloads(asOrganiser).map((entry) => entry.data.stakeholderId)).toEqual([
      attendee.accountId,
      other.accountId,
      attendee.accountId,
      other.accountId,
    ]);
    expect(payloads(asPublic)).toEqual([
      {
        event: 'registration.created',
        data: { eventId: event.id, capacity: 1, seatsLeft: 0, waitlisted: 0 },
      },
      {
        event: 'registration.created',
        data: { eventId: event.id, capacity: 1, seatsLeft: 0, waitlisted: 1 },
      },
      {
        event: 'registration.cancelled',
        data: { eventId: event.id, capacity: 1, seatsLeft: 1, waitlisted: 1 },
      },
      {
        event: 'registration.promoted',
        data: { eventId: event.id, capacity: 1, seatsLeft: 0, waitlisted: 0 },
      },
    ]);
    const mine = payloads(asAttendee);
    expect(mine[0]?.data).toMatchObject({ stakeholderId: attendee.accountId, status: 'confirmed' });
    expect(mine[1]?.data).toEqual({ eventId: event.id, capacity: 1, seatsLeft: 0, waitlisted: 1 });
    expect(mine[2]?.data).toMatchObject({ stakeholderId: attendee.accountId, status: 'cancelled' });
    expect(JSON.stringify(payloads(asPublic))).not.toContain(attendee.accountId);
  });
});
