import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { processDatabases } from '../test-support';
import { type ApiProcess, builtApiIncludes, startApiProcess, waitUntil } from '../test-support/api-process';
import { startTestReceiver, type TestReceiver } from './test-receiver';

// Kill -9 the real API (apps/api's dist/main.js, on the built @wsc/server) while webhooks are
// pending and in flight; after a restart every delivery reaches the receiver, none twice with a
// 2xx answer. Build first: `npm run build -w @wsc/server -w @wsc/api`.

const ADMIN = { email: 'admin@example.org', password: 'webhook durability admin' };

async function call(url: string, method: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const targets = processDatabases('webhook-durability');

const built = builtApiIncludes('webhook_deliveries');
const start = (environment: Record<string, string>) =>
  startApiProcess({
    WSC_WEBHOOK_ALLOW_PRIVATE: '1',
    // A short attempt timeout makes the dead process's leases (twice the timeout) expire sooner.
    WSC_WEBHOOK_TIMEOUT_SECONDS: '4',
    WSC_ADMIN_EMAIL: ADMIN.email,
    WSC_ADMIN_PASSWORD: ADMIN.password,
    ...environment,
  });
if (!built) {
  console.warn(
    'SKIPPED src/webhooks/durability.test.ts: build first (npm run build -w @wsc/server -w @wsc/api); the built server has no webhooks yet',
  );
}

describe.skipIf(!built).each(targets)('webhooks survive SIGKILL ($kind)', ({ environment, cleanup }) => {
  let receiver: TestReceiver;
  beforeAll(async () => {
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await cleanup();
  });

  test('after a kill -9 with deliveries pending and in flight, each is delivered exactly once', {
    timeout: 120_000,
  }, async () => {
    const env = await environment();
    const first = await start(env);
    let second: ApiProcess | undefined;
    try {
      const admin = (await call(`${first.url}/v1/auth/login`, 'POST', ADMIN)).token as string;
      const partner = await call(`${first.url}/v1/partners`, 'POST', { name: 'Durable partner' }, admin);
      const key = await call(
        `${first.url}/v1/partners/${partner.id}/keys`,
        'POST',
        { kind: 'secret', scopes: ['webhooks'] },
        admin,
      );
      const endpoint = await call(
        `${first.url}/v1/webhook-endpoints`,
        'POST',
        { url: receiver.url, eventTypes: ['pain_point.created'] },
        key.key as string,
      );
      const member = (
        await call(`${first.url}/v1/auth/signup`, 'POST', {
          email: `durable.${randomBytes(3).toString('hex')}@example.org`,
          password: 'a long enough password',
          displayName: 'Durable member',
          role: 'urban-planner',
        })
      ).token as string;
      const painPointIds: string[] = [];
      const post = async (index: number) => {
        const created = await call(
          `${first.url}/v1/pain-points`,
          'POST',
          {
            title: { en: `Durable pain point ${index}` },
            description: { en: 'Water mains lose a third of the treated water before it reaches homes.' },
            domain: 'water',
            severity: 'high',
          },
          member,
        );
        painPointIds.push(created.id as string);
      };

      // 1. Delivered and acknowledged before the kill.
      for (let index = 0; index < 5; index += 1) await post(index);
      await waitUntil(
        async () => {
          const log = await call(
            `${first.url}/v1/webhook-endpoints/${endpoint.id}/deliveries?status=succeeded`,
            'GET',
            undefined,
            key.key as string,
          );
          return (log.data as unknown[]).length === 5;
        },
        20_000,
        'five acknowledged deliveries',
      );

      // 2. In flight (the receiver holds the answer) and still pending when the process dies.
      receiver.respond = () => 'hang';
      for (let index = 5; index < 10; index += 1) await post(index);
      await receiver.waitFor(10, 20_000);
      for (let index = 10; index < 15; index += 1) await post(index);
      first.child.kill('SIGKILL');
      await first.exited;

      // 3. Restart with a healthy receiver: leases of the dead process expire, everything is sent.
      receiver.respond = () => 200;
      second = await start(env);
      const okIds = () =>
        receiver.received
          .filter((request) => request.status === 200)
          .map((request) => request.headers['webhook-id']);
      await waitUntil(() => new Set(okIds()).size >= 15, 60_000, 'all 15 deliveries after the restart');
      await new Promise((resolve) => setTimeout(resolve, 1500));

      // The scenario held: five attempts were in flight (never answered) when the process died.
      expect(receiver.received.filter((request) => request.status === 0).length).toBeGreaterThanOrEqual(5);
      const ids = okIds();
      expect(ids).toHaveLength(15);
      expect(new Set(ids).size).toBe(15);
      const delivered = receiver.received
        .filter((request) => request.status === 200)
        .map((request) => (JSON.parse(request.body) as { data: { id: string } }).data.id);
      expect(delivered.sort()).toEqual([...painPointIds].sort());
    } finally {
      first.child.kill('SIGKILL');
      second?.child.kill('SIGKILL');
      await first.exited;
      if (second) await second.exited;
    }
  });
});
