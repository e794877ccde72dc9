import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { recordEvent } from '../outbox/record-event';
import { updatePartnerRecord } from '../partners/repository';
import { createPartner, createTestServer, databases, signUp, type TestServer } from '../test-support';
import { openStream, type SseConnection } from './test-sse-client';

/** Credential checks of open streams run this often here (30 s by default). */
const CREDENTIAL_CHECK_MILLISECONDS = 200;

describe.each(databases())('live updates on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  const open: SseConnection[] = [];

  beforeAll(async () => {
    app = await createTestServer({
      kind,
      liveHeartbeatMilliseconds: 300,
      liveCredentialCheckMilliseconds: CREDENTIAL_CHECK_MILLISECONDS,
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
  });

  async function connect(query: string, headers: Record<string, string> = {}) {
    const stream = await openStream(`${base}/v1/stream${query}`, headers);
    open.push(stream);
    // The preamble proves the hub has the stream before events are recorded.
    await stream.until((frames) => frames.some((frame) => frame.retry !== undefined));
    return stream;
  }

  let counter = 0;
  function vote(painPointId = 'pp-1') {
    counter += 1;
    return app.db.transaction().execute((trx) =>
      recordEvent(trx, {
        type: 'pain_point.voted',
        subject: { type: 'pain_point', id: painPointId },
        data: { painPointId, voteCount: counter },
        visibility: 'public',
      }),
    );
  }

  const eventIds = (stream: SseConnection) => stream.events().map((frame) => Number(frame.id));

  describe('GET /v1/stream', () => {
    test('only the headers a stream needs: request id, CORS, nosniff; no helmet page headers', async () => {
      const origin = 'https://example.org';
      const stream = await connect('?topics=votes', { origin });
      expect(stream.headers.get('x-request-id')).toMatch(/\S/);
      expect(stream.headers.get('access-control-allow-origin')).toBe(origin);
      expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
      for (const helmetHeader of [
        'x-frame-options',
        'x-dns-prefetch-control',
        'referrer-policy',
        'origin-agent-cluster',
      ]) {
        expect(stream.headers.get(helmetHeader), helmetHeader).toBeNull();
      }
      // Every other route keeps them.
      const health = await fetch(`${base}/health`);
      expect(health.headers.get('x-frame-options')).not.toBeNull();
    });

    test('SSE frames: id, event type, one data line with the WebhookEvent JSON; only the topics asked', async () => {
      const stream = await connect('?topics=votes');
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers.get('x-request-id')).toMatch(/\S/);
      await app.db.transaction().execute((trx) =>
        recordEvent(trx, {
          type: 'pain_point.created',
          subject: { type: 'pain_point', id: 'pp-9' },
          data: { id: 'pp-9' },
          visibility: 'public',
        }),
      );
      const { id } = await vote();
      await stream.until((frames) => frames.some((frame) => frame.event === 'pain_point.voted'));
      const [frame] = stream.events();
      expect(stream.events()).toHaveLength(1);
      expect(frame?.id).toBe(String(id));
      expect(JSON.parse(frame?.data ?? '')).toEqual({
        id: String(id),
        type: 'pain_point.voted',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        data: { painPointId: 'pp-1', voteCount: counter },
      });
    });

    test('heartbeats: a ": ping" comment at the configured interval', async () => {
      const stream = await connect('?topics=votes');
      await stream.until((frames) => frames.filter((frame) => frame.comment === 'ping').length >= 2, 3000);
    });

    test('a client that drops and reconnects with Last-Event-ID misses nothing and gets nothing twice', async () => {
      const first = await connect('?topics=votes');
      const before = [await vote(), await vote(), await vote()].map((event) => event.id);
      await first.until((frames) => frames.filter((frame) => frame.event).length === 3);
      expect(eventIds(first)).toEqual(before);
      first.close();
      const missed = [await vote(), await vote(), await vote()].map((event) => event.id);
      // Reconnect while events keep coming.
      const during = Promise.all([vote(), vote(), vote()]);
      const second = await connect('?topics=votes', { 'last-event-id': String(before.at(-1)) });
      const concurrent = (await during).map((event) => event.id);
      const after = [await vote()].map((event) => event.id);
      const expected = [...missed, ...concurrent, ...after].sort((a, b) => a - b);
      await second.until((frames) => frames.filter((frame) => frame.event).length >= expected.length);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Events arrive in commit order: the three concurrent votes may commit in any order of their ids.
      const received = eventIds(second);
      expect(received).toHaveLength(expected.length);
      expect([...received].sort((a, b) => a - b)).toEqual(expected);
    });

    test('a new stream is given its starting point as its last event id: dropped before any event, it misses nothing', async () => {
      const { id: earlier } = await vote();
      await app.outbox.caughtUp();
      const first = await connect('?topics=votes');
      const [start] = await first.until((frames) => frames.some((frame) => frame.id !== undefined));
      const startingPoint = first.frames.find((frame) => frame.id !== undefined);
      expect(start?.retry).toBe('3000');
      expect(startingPoint).toEqual({ id: String(earlier) });
      first.close();
      const missed = [await vote(), await vote()].map((event) => event.id);
      const second = await connect('?topics=votes', { 'last-event-id': String(startingPoint?.id) });
      await second.until((frames) => frames.filter((frame) => frame.event).length >= missed.length);
      expect(eventIds(second)).toEqual(missed);
    });

    test('?lastEventId= works like the header (EventSource cannot set headers on a first connect)', async () => {
      const { id: firstId } = await vote();
      const { id: secondId } = await vote();
      const stream = await connect(`?topics=votes&lastEventId=${firstId}`);
      await stream.until((frames) => frames.some((frame) => frame.event));
      expect(eventIds(stream)).toEqual([secondId]);
    });

    test('a subscriber only receives what its principal may read', async () => {
      const member = await signUp(app);
      const moderator = await signUp(app, { roles: ['moderator'] });
      const partner = await createPartner(app);
      const anonymous = await connect('?topics=comments,registrations');
      const asMember = await connect('?topics=comments,registrations', member.headers);
      const asModerator = await connect('?topics=comments,registrations', moderator.headers);
      const asPartner = await connect('?topics=comments,registrations', {
        authorization: `Bearer ${partner.secretKey}`,
      });
      const asPublishable = await connect(`?topics=comments,registrations&key=${partner.publishableKey}`);
      await app.db.transaction().execute(async (trx) => {
        await recordEvent(trx, {
          type: 'comment.created',
          subject: { type: 'comment', id: 'hidden-1' },
          data: { id: 'hidden-1', painPointId: 'pp-1', body: 'held for moderation' },
          visibility: { roles: ['moderator'] },
        });
        await recordEvent(trx, {
          type: 'registration.created',
          subject: { type: 'registration', id: 'r-1' },
          data: { id: 'r-1', eventId: 'ev-1', stakeholderId: member.accountId, seatsLeft: 9 },
          publicData: { eventId: 'ev-1', seatsLeft: 9 },
          visibility: { accountIds: [member.accountId] },
          partnerId: partner.id,
        });
        await recordEvent(trx, {
          type: 'comment.created',
          subject: { type: 'comment', id: 'visible-1' },
          data: { id: 'visible-1', painPointId: 'pp-1' },
          visibility: 'public',
        });
      });
      const last = (stream: SseConnection) =>
        stream.until((frames) => frames.some((frame) => frame.data?.includes('visible-1')));
      await Promise.all([anonymous, asMember, asModerator, asPartner, asPublishable].map(last));
      const seen = (stream: SseConnection) =>
        stream.events().map((frame) => JSON.parse(frame.data ?? '').data);

      expect(seen(anonymous)).toEqual([
        { eventId: 'ev-1', seatsLeft: 9 },
        { id: 'visible-1', painPointId: 'pp-1' },
      ]);
      expect(seen(asPublishable)).toEqual(seen(anonymous));
      expect(seen(asMember).map((data) => data.id ?? data.seatsLeft)).toEqual(['r-1', 'visible-1']);
      expect(seen(asModerator).map((data) => data.id ?? data.seatsLeft)).toEqual([
        'hidden-1',
        9,
        'visible-1',
      ]);
      expect(seen(asPartner).map((data) => data.id ?? data.seatsLeft)).toEqual(['r-1', 'visible-1']);
      for (const stream of [anonymous, asMember, asPartner, asPublishable]) {
        expect(stream.events().some((frame) => frame.data?.includes('held for moderation'))).toBe(false);
      }

      // Replay applies the same rules.
      const replayed = await connect('?topics=comments,registrations&lastEventId=0');
      await last(replayed);
      expect(seen(replayed)).toEqual(seen(anonymous));
    });

    test('a stream ends once the credential it was opened with lapses or its viewer changes; the others stay open', async () => {
      const [loggedOut, disabled, demoted, moved, steady] = await Promise.all([
        signUp(app),
        signUp(app),
        signUp(app, { roles: ['moderator'] }),
        signUp(app),
        signUp(app, { roles: ['moderator'] }),
      ]);
      const joinOrganization = (accountId: string, organizationId: string) =>
        app.db
          .updateTable('stakeholders')
          .set({ organization_id: organizationId })
          .where('id', '=', accountId)
          .execute();
      await joinOrganization(moved.accountId, 'itu');
      await joinOrganization(steady.accountId, 'itu');
      const [revokedKey, disabledPartner, steadyPartner] = [
        await createPartner(app),
        await createPartner(app),
        await createPartner(app),
      ];
      const secret = (partner: { secretKey: string }) => ({ authorization: `Bearer ${partner.secretKey}` });
      const lapsing = {
        loggedOut: await connect('?topics=votes', loggedOut.headers),
        disabled: await connect('?topics=votes', disabled.headers),
        demoted: await connect('?topics=votes', demoted.headers),
        moved: await connect('?topics=votes', moved.headers),
        revokedKey: await connect('?topics=votes', secret(revokedKey)),
        disabledPartner: await connect('?topics=votes', secret(disabledPartner)),
      };
      const staying = {
        steady: await connect('?topics=votes', steady.headers),
        steadyPartner: await connect('?topics=votes', secret(steadyPartner)),
        anonymous: await connect('?topics=votes'),
        publishable: await connect(`?topics=votes&key=${steadyPartner.publishableKey}`),
      };
      // Two checks pass with every credential valid: nothing ends.
      await new Promise((resolve) => setTimeout(resolve, CREDENTIAL_CHECK_MILLISECONDS * 2.5));
      expect(app.live.size).toBe(10);

      const logout = await app.inject({ method: 'POST', url: '/v1/auth/logout', headers: loggedOut.headers });
      expect(logout.statusCode).toBe(204);
      await app.db
        .updateTable('accounts')
        .set({ disabled_at: new Date() })
        .where('id', '=', disabled.accountId)
        .execute();
      await app.db
        .updateTable('accounts')
        .set({ roles: ['member'] })
        .where('id', '=', demoted.accountId)
        .execute();
      // Organisers' restricted events follow the organization.
      await joinOrganization(moved.accountId, 'iso');
      await app.db
        .updateTable('partner_keys')
        .set({ revoked_at: new Date() })
        .where('id', '=', revokedKey.secretKeyId)
        .execute();
      await updatePartnerRecord(app.db, disabledPartner.id, { disabled: true });

      // The periodic check ends exactly those six.
      await Promise.all(Object.values(lapsing).map((stream) => stream.ended));
      expect(app.live.size).toBe(4);
      const { id } = await vote();
      await Promise.all(
        Object.values(staying).map((stream) =>
          stream.until((frames) => frames.some((frame) => frame.id === String(id))),
        ),
      );
      // Reconnecting with a lapsed credential is refused; the demoted member gets a member's stream.
      const again = await openStream(`${base}/v1/stream?topics=votes`, loggedOut.headers);
      expect(again.status).toBe(401);
      again.close();
      const asMember = await connect('?topics=votes', demoted.headers);
      expect(asMember.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, CREDENTIAL_CHECK_MILLISECONDS * 2.5));
      expect(app.live.size).toBe(5);
    });

    test('a stream opened with a publishable key ends once the key is revoked, alone or beside a member token', async () => {
      const [revoked, steady] = [await createPartner(app), await createPartner(app)];
      const member = await signUp(app);
      const headers = (partner: { origin: string; publishableKey: string }) => ({
        origin: partner.origin,
        'x-wsc-publishable-key': partner.publishableKey,
      });
      const lapsing = {
        byQuery: await connect(`?topics=votes&key=${revoked.publishableKey}`),
        byHeader: await connect('?topics=votes', headers(revoked)),
        withMember: await connect('?topics=votes', { ...headers(revoked), ...member.headers }),
      };
      const staying = {
        otherKey: await connect(`?topics=votes&key=${steady.publishableKey}`),
        memberWithOtherKey: await connect('?topics=votes', { ...headers(steady), ...member.headers }),
      };
      await new Promise((resolve) => setTimeout(resolve, CREDENTIAL_CHECK_MILLISECONDS * 2.5));
      expect(app.live.size).toBe(5);

      await app.db
        .updateTable('partner_keys')
        .set({ revoked_at: new Date() })
        .where('id', '=', revoked.publishableKeyId)
        .execute();
      // Within a few check intervals, not 40 s later.
      const endedSoon = (stream: SseConnection) =>
        Promise.race([
          stream.ended.then(() => true),
          new Promise((resolve) => setTimeout(resolve, CREDENTIAL_CHECK_MILLISECONDS * 10, false)),
        ]);
      expect(await Promise.all(Object.values(lapsing).map(endedSoon))).toEqual([true, true, true]);
      expect(app.live.size).toBe(2);
      const { id } = await vote();
      await Promise.all(
        Object.values(staying).map((stream) =>
          stream.until((frames) => frames.some((frame) => frame.id === String(id))),
        ),
      );
      // Reconnecting with the revoked key is refused.
      const again = await openStream(`${base}/v1/stream?topics=votes&key=${revoked.publishableKey}`);
      expect(again.status).toBe(401);
      again.close();
    });

    test('events/{slug} follows one event; unknown topics are 422, unknown objects 404', async () => {
      const bad = await app.inject({ method: 'GET', url: '/v1/stream?topics=votes,secrets' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].path).toBe('topics');
      const missing = await app.inject({ method: 'GET', url: '/v1/stream?topics=events/no-such-event' });
      expect(missing.statusCode).toBe(404);
      const badId = await app.inject({
        method: 'GET',
        url: '/v1/stream',
        headers: { 'last-event-id': 'abc' },
      });
      expect(badId.statusCode).toBe(422);
    });

    test('a client closing its stream leaves the hub', async () => {
      const stream = await connect('?topics=votes');
      expect(app.live.size).toBeGreaterThan(0);
      stream.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(app.live.size).toBe(0);
    });
  });
});
