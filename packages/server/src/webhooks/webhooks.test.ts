import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookEventSchema } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { recordEvent } from '../outbox/record-event';
import { purgeOutbox } from '../outbox/retention';
import { MAX_ATTEMPTS, RETRY_DELAYS_MILLISECONDS } from '../outbox/retry-schedule';
import { updatePartnerRecord } from '../partners/repository';
import {
  createPartner,
  createTestServer,
  databases,
  type TestPartner,
  type TestServer,
} from '../test-support';
import { claimDueDeliveries } from './delivery-repository';
import { startTestReceiver, type TestReceiver } from './test-receiver';
import { WebhookWorker } from './webhook-worker';

/** Standard Webhooks verification written from the spec, independently of the server's signer. */
function verifyStandardWebhook(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  const key = Buffer.from(secret.split('_')[1] ?? '', 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((part) => {
      const [version, signature] = part.split(',');
      if (version !== 'v1' || !signature) return false;
      const given = Buffer.from(signature, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

describe.each(databases())('webhooks on $kind', ({ kind }) => {
  let app: TestServer;
  let receiver: TestReceiver;
  let partner: TestPartner;
  let clockOffset = 0;

  beforeAll(async () => {
    app = await createTestServer({
      kind,
      webhookAllowPrivate: true,
      webhookWorker: false,
      clock: () => new Date(Date.now() + clockOffset),
    });
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    await app?.dispose();
    await receiver?.close();
  });
  beforeEach(async () => {
    await app.reset();
    await app.outbox.resync();
    clockOffset = 0;
    receiver.received.length = 0;
    receiver.respond = () => 200;
    app.config.webhookAllowPrivate = true;
    partner = await createPartner(app);
  });

  function auth(key = partner.secretKey) {
    return { authorization: `Bearer ${key}` };
  }

  async function createEndpoint(body: Record<string, unknown> = {}) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: auth(),
      payload: { url: receiver.url, eventTypes: ['pain_point.created', 'comment.created'], ...body },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; secret: string; url: string; enabled: boolean };
  }

  let subjectCounter = 0;
  function emit(input: Partial<Parameters<typeof recordEvent>[1]> = {}) {
    subjectCounter += 1;
    const id = `pp-${subjectCounter}`;
    return app.db.transaction().execute((trx) =>
      recordEvent(trx, {
        type: 'pain_point.created',
        subject: { type: 'pain_point', id },
        data: { id, title: { en: `Pain point ${subjectCounter}` } },
        visibility: 'public',
        ...input,
      }),
    );
  }

  async function deliveries(endpointId: string) {
    const response = await app.inject({
      method: 'GET',
      url: `/v1/webhook-endpoints/${endpointId}/deliveries`,
      headers: auth(),
    });
    expect(response.statusCode).toBe(200);
    return (
      response.json() as {
        data: {
          id: string;
          status: string;
          attempts: number;
          nextAttemptAt: string | null;
          responseStatus: number | null;
        }[];
      }
    ).data;
  }

  describe('webhook endpoints', () => {
    test('a secret key registers an endpoint; the whsec_ secret is shown once', async () => {
      const created = await createEndpoint({ description: 'CRM sync' });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
      const one = await app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${created.id}`,
        headers: auth(),
      });
      expect(one.json()).toMatchObject({
        id: created.id,
        url: receiver.url,
        enabled: true,
        description: 'CRM sync',
      });
      expect(one.body).not.toContain('whsec_');
      const list = await app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers: auth() });
      expect(list.json().data.map((endpoint: { id: string }) => endpoint.id)).toEqual([created.id]);
      expect(list.body).not.toContain('whsec_');
    });

    test('needs a secret key with the webhooks scope; another partner sees 404', async () => {
      const anonymous = await app.inject({ method: 'GET', url: '/v1/webhook-endpoints' });
      expect(anonymous.statusCode).toBe(401);
      const narrow = await createPartner(app, { scopes: ['content:read'] });
      const refused = await app.inject({
        method: 'GET',
        url: '/v1/webhook-endpoints',
        headers: auth(narrow.secretKey),
      });
      expect(refused.statusCode).toBe(403);
      const created = await createEndpoint();
      const other = await createPartner(app);
      const foreign = await app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${created.id}`,
        headers: auth(other.secretKey),
      });
      expect(foreign.statusCode).toBe(404);
      const deleted = await app.inject({
        method: 'DELETE',
        url: `/v1/webhook-endpoints/${created.id}`,
        headers: auth(other.secretKey),
      });
      expect(deleted.statusCode).toBe(404);
    });

    test('refuses http, loopback, private and link-local URLs unless private addresses are allowed (422 naming url)', async () => {
      app.config.webhookAllowPrivate = false;
      for (const url of [
        'http://93.184.216.34/hooks',
        'https://127.0.0.1/hooks',
        'https://localhost/hooks',
        'https://10.1.2.3/hooks',
        'https://192.168.1.10/hooks',
        'https://169.254.169.254/latest/meta-data',
        'https://[::1]/hooks',
        'https://[::ffff:10.0.0.1]/hooks',
        'https://[fd00::1]/hooks',
      ]) {
        const response = await app.inject({
          method: 'POST',
          url: '/v1/webhook-endpoints',
          headers: auth(),
          payload: { url, eventTypes: ['pain_point.created'] },
        });
        expect(response.statusCode, url).toBe(422);
        expect(response.json().errors[0].path, url).toBe('url');
      }
      const publicAddress = await app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: auth(),
        payload: { url: 'https://93.184.216.34/hooks', eventTypes: ['pain_point.created'] },
      });
      expect(publicAddress.statusCode).toBe(201);
    });

    test('a deleted endpoint receives nothing more', async () => {
      const created = await createEndpoint();
      const deleted = await app.inject({
        method: 'DELETE',
        url: `/v1/webhook-endpoints/${created.id}`,
        headers: auth(),
      });
      expect(deleted.statusCode).toBe(204);
      await emit();
      expect(await app.webhookWorker.drain()).toBe(0);
      expect(receiver.received).toHaveLength(0);
    });
  });

  describe('deliveries', () => {
    test('signed per Standard Webhooks 1.0: verifiable by an independent implementation', async () => {
      const endpoint = await createEndpoint();
      const { id: eventId } = await emit();
      expect(await app.webhookWorker.drain()).toBe(1);
      expect(receiver.received).toHaveLength(1);
      const [received] = receiver.received;
      if (!received) throw new Error('no delivery');
      expect(received.headers['content-type']).toBe('application/json');
      expect(received.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(Math.abs(Number(received.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
      expect(received.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(verifyStandardWebhook(endpoint.secret, received.headers, received.body)).toBe(true);
      expect(verifyStandardWebhook(endpoint.secret, received.headers, `${received.body} `)).toBe(false);
      const event = WebhookEventSchema.parse(JSON.parse(received.body));
      expect(event).toMatchObject({ id: String(eventId), type: 'pain_point.created' });
      const [delivery] = await deliveries(endpoint.id);
      expect(delivery).toMatchObject({
        id: received.headers['webhook-id'],
        status: 'succeeded',
        attempts: 1,
        responseStatus: 200,
      });
    });

    test('only subscribed event types, and restricted events only to the partners allowed', async () => {
      const endpoint = await createEndpoint({ eventTypes: ['comment.created'] });
      await emit();
      await emit({
        type: 'comment.created',
        subject: { type: 'comment', id: 'c-1' },
        data: { id: 'c-1', painPointId: 'pp-x' },
        visibility: { roles: ['moderator'] },
      });
      const other = await createPartner(app);
      await emit({
        type: 'comment.created',
        subject: { type: 'comment', id: 'c-2' },
        data: { id: 'c-2', painPointId: 'pp-x' },
        visibility: { roles: ['moderator'], partnerIds: [partner.id] },
        partnerId: other.id,
      });
      await app.webhookWorker.drain();
      expect(receiver.received.map((request) => JSON.parse(request.body).data.id)).toEqual(['c-2']);
      expect(await deliveries(endpoint.id)).toHaveLength(1);
    });

    test('retries on the schedule (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then fails', async () => {
      receiver.respond = () => 500;
      const endpoint = await createEndpoint();
      await emit();
      const attemptTimes: number[] = [];
      expect(await app.webhookWorker.runOnce()).toBe(1);
      attemptTimes.push(clockOffset);
      for (const delay of RETRY_DELAYS_MILLISECONDS) {
        const [pending] = await deliveries(endpoint.id);
        expect(pending?.status).toBe('pending');
        const due = Date.parse(pending?.nextAttemptAt ?? '') - Date.now();
        // Nothing is sent a moment before the retry is due…
        clockOffset = due - 1000;
        expect(await app.webhookWorker.runOnce()).toBe(0);
        // …and it is sent once it is.
        clockOffset = due + 10;
        expect(await app.webhookWorker.runOnce()).toBe(1);
        attemptTimes.push(clockOffset);
        expect(delay).toBeGreaterThan(0);
      }
      const gaps = attemptTimes.slice(1).map((time, index) => time - (attemptTimes[index] as number));
      gaps.forEach((gap, index) => {
        expect(Math.abs(gap - (RETRY_DELAYS_MILLISECONDS[index] as number))).toBeLessThan(2000);
      });
      const [failed] = await deliveries(endpoint.id);
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        nextAttemptAt: null,
        responseStatus: 500,
      });
      expect(receiver.received).toHaveLength(8);
      expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(1);
      clockOffset += 48 * 3_600_000;
      expect(await app.webhookWorker.runOnce()).toBe(0);
      const total = RETRY_DELAYS_MILLISECONDS.reduce((sum, delay) => sum + delay, 0);
      expect(total / 3_600_000).toBeGreaterThan(24);
      expect(total / 3_600_000).toBeLessThan(30);
    });

    test('410 Gone disables the endpoint: no retry, no new deliveries', async () => {
      receiver.respond = () => 410;
      const endpoint = await createEndpoint();
      await emit();
      expect(await app.webhookWorker.drain()).toBe(1);
      const [delivery] = await deliveries(endpoint.id);
      expect(delivery).toMatchObject({ status: 'failed', responseStatus: 410 });
      const after = await app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${endpoint.id}`,
        headers: auth(),
      });
      expect(after.json().enabled).toBe(false);
      await emit();
      clockOffset = 3_600_000;
      expect(await app.webhookWorker.drain()).toBe(0);
      expect(receiver.received).toHaveLength(1);
      expect(await deliveries(endpoint.id)).toHaveLength(1);
    });

    test("a disabled partner's deliveries wait until it is enabled again; nothing is queued for it meanwhile", async () => {
      const endpoint = await createEndpoint();
      await emit();
      await updatePartnerRecord(app.db, partner.id, { disabled: true });
      expect(await app.webhookWorker.drain()).toBe(0);
      await emit();
      expect(receiver.received).toHaveLength(0);
      expect(await app.webhookWorker.drain()).toBe(0);

      await updatePartnerRecord(app.db, partner.id, { disabled: false });
      expect(await app.webhookWorker.drain()).toBe(1);
      expect(receiver.received).toHaveLength(1);
      const [delivery, ...others] = await deliveries(endpoint.id);
      expect(delivery).toMatchObject({ status: 'succeeded' });
      expect(others).toEqual([]);
    });

    test('manual redelivery sends the same message (same webhook-id) once more', async () => {
      const endpoint = await createEndpoint();
      await emit();
      await app.webhookWorker.drain();
      const [delivery] = await deliveries(endpoint.id);
      const response = await app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery?.id}/redeliver`,
        headers: auth(),
      });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toMatchObject({ id: delivery?.id, status: 'pending' });
      expect(await app.webhookWorker.drain()).toBe(1);
      expect(receiver.received.map((request) => request.headers['webhook-id'])).toEqual([
        delivery?.id,
        delivery?.id,
      ]);
      expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
      const unknown = await app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${endpoint.id}/deliveries/msg_unknown/redeliver`,
        headers: auth(),
      });
      expect(unknown.statusCode).toBe(404);
    });

    test('secret rotation: both secrets sign during the overlap, the old one alone no longer suffices after', async () => {
      const endpoint = await createEndpoint();
      const rotated = await app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
        headers: auth(),
      });
      expect(rotated.statusCode).toBe(200);
      const newSecret = rotated.json().secret as string;
      expect(newSecret).toMatch(/^whsec_/);
      expect(newSecret).not.toBe(endpoint.secret);
      await emit();
      await app.webhookWorker.drain();
      const [during] = receiver.received;
      expect(String(during?.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(verifyStandardWebhook(newSecret, during?.headers ?? {}, during?.body ?? '')).toBe(true);
      expect(verifyStandardWebhook(endpoint.secret, during?.headers ?? {}, during?.body ?? '')).toBe(true);
      clockOffset = 25 * 3_600_000;
      await emit();
      await app.webhookWorker.drain();
      const after = receiver.received[1];
      expect(String(after?.headers['webhook-signature']).split(' ')).toHaveLength(1);
      expect(verifyStandardWebhook(newSecret, after?.headers ?? {}, after?.body ?? '')).toBe(true);
      expect(verifyStandardWebhook(endpoint.secret, after?.headers ?? {}, after?.body ?? '')).toBe(false);
    });

    test('two workers draining together never send one delivery twice', async () => {
      await createEndpoint();
      for (let index = 0; index < 30; index += 1) await emit();
      const second = new WebhookWorker(app.db, { log: app.log, allowPrivate: true, batchSize: 4 });
      const first = new WebhookWorker(app.db, { log: app.log, allowPrivate: true, batchSize: 4 });
      const [a, b] = await Promise.all([first.drain(), second.drain()]);
      expect(a + b).toBe(30);
      const ids = receiver.received.map((request) => request.headers['webhook-id']);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    });

    test('events and finished deliveries older than 30 days are purged; pending ones are kept', async () => {
      const endpoint = await createEndpoint();
      await emit();
      await app.webhookWorker.drain();
      receiver.respond = () => 500;
      await emit();
      await app.webhookWorker.drain();
      expect(await purgeOutbox(app.db, new Date())).toBe(0);
      expect(await purgeOutbox(app.db, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
      const left = await deliveries(endpoint.id);
      expect(left.map((delivery) => delivery.status)).toEqual(['pending']);
      const events = await app.db.selectFrom('outbox_events').select('id').execute();
      expect(events).toHaveLength(1);
    });

    test('a claim whose lease expired (a killed worker) is taken again', async () => {
      const endpoint = await createEndpoint();
      await emit();
      // A worker claims, then dies before sending or recording anything.
      const claimed = await claimDueDeliveries(app.db, {
        now: new Date(),
        leaseUntil: new Date(Date.now() + 60_000),
        token: 'dead-worker',
        limit: 10,
      });
      expect(claimed).toHaveLength(1);
      expect(await app.webhookWorker.drain()).toBe(0);
      clockOffset = 61_000;
      expect(await app.webhookWorker.drain()).toBe(1);
      expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: 'succeeded', attempts: 1 });
    });
  });
});
