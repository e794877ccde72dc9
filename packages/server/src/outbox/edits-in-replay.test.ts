import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { openStream, type SseConnection } from '../live/test-sse-client';
import { createPartner, createTestServer, databases, signUp, type TestServer } from '../test-support';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';

// Issue #19 §2: the stream forgets what the API forgets. A pain point or a comment edited to
// take a phone number out is replayed with its text of today, never the original, and an
// edited comment reaches open pages as `comment.updated`.

const PHONE = '+41 22 730 51 11';

describe.each(databases())('edited text in live updates and replays, on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  let receiver: TestReceiver;
  const open: SseConnection[] = [];

  beforeAll(async () => {
    app = await createTestServer({ kind, webhookAllowPrivate: true, webhookWorker: false });
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
    await app.reset();
    await app.outbox.resync();
    receiver.received.length = 0;
  });

  async function connect(query: string) {
    const stream = await openStream(`${base}/v1/stream${query}`);
    open.push(stream);
    await stream.until((frames) => frames.some((frame) => frame.retry !== undefined));
    return stream;
  }

  /** Every event of an anonymous replay of the topic from the first event, once `last` came. */
  async function replay(topic: string, last: string) {
    const stream = await connect(`?topics=${topic}&lastEventId=0`);
    const frames = await stream.until((all) => all.some((frame) => frame.event === last));
    return frames
      .filter((frame) => frame.event)
      .map((frame) => ({ event: frame.event, data: JSON.parse(frame.data ?? '{}').data }));
  }

  async function postPainPoint(headers: Record<string, string>, description: string) {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/pain-points',
      headers,
      payload: {
        title: { en: 'Leaking water mains' },
        description: { en: description },
        domain: 'water',
        severity: 'high',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  test('a pain point edited to remove a phone number is replayed with its text of today', async () => {
    const author = await signUp(app);
    const id = await postPainPoint(author.headers, `Call me at ${PHONE} about the leak.`);
    const edited = await app.inject({
      method: 'PATCH',
      url: `/v1/pain-points/${id}`,
      headers: author.headers,
      payload: { description: { en: 'Ask me about the leak in the comments.' } },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await app.outbox.caughtUp();

    const events = await replay(`pain-points/${id}`, 'pain_point.updated');
    expect(events.map((each) => each.event)).toEqual(['pain_point.created', 'pain_point.updated']);
    for (const each of events) {
      expect(each.data.description).toEqual({ en: 'Ask me about the leak in the comments.' });
    }
    expect(JSON.stringify(events)).not.toContain(PHONE);
    // What the API shows, the replay shows.
    const shown = await app.inject({ method: 'GET', url: `/v1/pain-points/${id}` });
    expect(shown.json().description).toEqual(events[0]?.data.description);
  });

  test('an edited comment reaches open pages as comment.updated and replays never show the original', async () => {
    const partner = await createPartner(app);
    const endpoint = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { url: receiver.url, eventTypes: ['comment.created', 'comment.updated'] },
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    const author = await signUp(app);
    const painPointId = await postPainPoint(author.headers, 'A third of treated water is lost.');
    const posted = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPointId}/comments`,
      headers: author.headers,
      payload: { body: `Same here, call ${PHONE}.` },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const commentId = posted.json().id as string;
    await app.outbox.caughtUp();
    const live = await connect('?topics=comments');

    const edited = await app.inject({
      method: 'PATCH',
      url: `/v1/comments/${commentId}`,
      headers: author.headers,
      payload: { body: 'Same here.' },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const liveFrames = await live.until((all) => all.some((frame) => frame.event === 'comment.updated'));
    const update = liveFrames.find((frame) => frame.event === 'comment.updated');
    expect(JSON.parse(update?.data ?? '{}').data).toMatchObject({
      id: commentId,
      painPointId,
      body: 'Same here.',
      updatedAt: expect.any(String),
    });

    const events = await replay('comments', 'comment.updated');
    expect(events.map((each) => each.event)).toEqual(['comment.created', 'comment.updated']);
    for (const each of events) expect(each.data).toMatchObject({ id: commentId, body: 'Same here.' });
    expect(JSON.stringify(events)).not.toContain(PHONE);
    // Replaying the discussion of the pain point tells the same.
    expect(JSON.stringify(await replay(`pain-points/${painPointId}`, 'comment.updated'))).not.toContain(
      PHONE,
    );
    // The deliveries still due when the author edited send the text of today as well.
    await app.webhookWorker.drain();
    const delivered = receiver.received.map((request) => JSON.parse(request.body));
    expect(delivered.map((event) => event.type).sort()).toEqual(['comment.created', 'comment.updated']);
    for (const event of delivered) expect(event.data).toMatchObject({ id: commentId, body: 'Same here.' });
  });

  test('hiding an edited comment withdraws the text of its comment.updated too', async () => {
    const author = await signUp(app);
    const moderator = await signUp(app, { roles: ['moderator'] });
    const painPointId = await postPainPoint(author.headers, 'A third of treated water is lost.');
    const posted = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPointId}/comments`,
      headers: author.headers,
      payload: { body: 'First words.' },
    });
    const commentId = posted.json().id as string;
    const edited = await app.inject({
      method: 'PATCH',
      url: `/v1/comments/${commentId}`,
      headers: author.headers,
      payload: { body: `Second words, call ${PHONE}.` },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const hidden = await app.inject({
      method: 'POST',
      url: `/v1/comments/${commentId}/hide`,
      headers: moderator.headers,
      payload: { reason: 'Personal data' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    await app.outbox.caughtUp();

    const events = await replay('comments', 'comment.hidden');
    expect(events.map((each) => each.event)).toEqual([
      'comment.created',
      'comment.updated',
      'comment.hidden',
    ]);
    for (const each of events.slice(0, 2)) expect(each.data).toMatchObject({ body: '', hidden: true });
    expect(JSON.stringify(events)).not.toContain(PHONE);
  });
});
