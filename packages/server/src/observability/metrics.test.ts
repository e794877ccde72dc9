import { Gauge, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import { postPainPoint } from '../community/fixtures';
import { openStream } from '../live/test-sse-client';
import { createPartner, createTestServer, databases, signUp, type TestServer } from '../test-support';
import { parsePrometheusText, sampleValue } from '../test-support/prometheus-text';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';
import { renderMetrics } from './metrics-endpoint';

const TOKEN = 'metrics-token-0123456789abcdef';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('a missing value is written NaN, as the format spells it (prom-client writes Nan)', async () => {
  const registry = new Registry();
  new Gauge({ name: 'wsc_unknown_yet', help: 'No sample yet.', registers: [registry] }).set(Number.NaN);
  const families = parsePrometheusText(await renderMetrics(registry));
  expect(sampleValue(families, 'wsc_unknown_yet')).toBeNaN();
});

describe.each(databases())('metrics on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  let receiver: TestReceiver;

  beforeAll(async () => {
    app = await createTestServer({
      kind,
      metrics: { token: TOKEN, port: 0 },
      rateLimit: 40,
      trustProxy: true,
      webhookAllowPrivate: true,
      webhookWorker: false,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    await app?.dispose();
    await receiver?.close();
  });

  async function scrape(url = `${base}/metrics`, token = TOKEN) {
    const response = await fetch(url, { headers: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    return { text, families: parsePrometheusText(text) };
  }

  test('a scrape after real traffic shows requests by route and status, the database, queues, streams and refusals', async () => {
    const member = await signUp(app);
    const painPoint = await postPainPoint(app, member.headers);
    const partner = await createPartner(app);
    receiver.respond = () => 500;
    const endpoint = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: bearer(partner.secretKey),
      payload: { url: receiver.url, eventTypes: ['pain_point.created'] },
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    await postPainPoint(app, member.headers);
    await expect.poll(() => app.webhookWorker.runOnce(), { timeout: 10_000 }).toBe(1);

    for (let index = 0; index < 3; index += 1) {
      expect((await fetch(`${base}/v1/pain-points`)).status).toBe(200);
    }
    expect((await fetch(`${base}/v1/pain-points/${painPoint.id}`)).status).toBe(200);
    expect((await fetch(`${base}/v1/pain-points/${painPoint.id}/nothing-here`)).status).toBe(404);
    const visitor = { 'x-forwarded-for': '203.0.113.7' };
    const answers = await Promise.all(
      Array.from({ length: 45 }, () =>
        fetch(`${base}/v1/standards`, { headers: visitor }).then((r) => r.status),
      ),
    );
    expect(answers.filter((status) => status === 429).length).toBe(5);
    const stream = await openStream(`${base}/v1/stream?topics=pain-points`);
    try {
      await expect.poll(() => app.live.size).toBe(1);
      const { text, families } = await scrape();

      const requests = 'wsc_http_request_duration_seconds_count';
      expect(
        sampleValue(families, requests, { method: 'GET', route: '/v1/pain-points', status_code: '200' }),
      ).toBe(3);
      expect(
        sampleValue(families, requests, { method: 'GET', route: '/v1/pain-points/:id', status_code: '200' }),
      ).toBe(1);
      expect(sampleValue(families, requests, { route: 'unmatched', status_code: '404' })).toBe(1);
      expect(
        sampleValue(families, requests, { method: 'POST', route: '/v1/auth/signup', status_code: '201' }),
      ).toBe(1);
      expect(sampleValue(families, 'wsc_rate_limit_refusals_total', { route: '/v1/standards' })).toBe(5);

      const statements = sampleValue(families, 'wsc_database_statement_duration_seconds_count', {
        database: kind,
        operation: 'select',
      });
      expect(statements).toBeGreaterThan(10);
      expect(
        sampleValue(families, 'wsc_database_statement_duration_seconds_count', { operation: 'commit' }),
      ).toBeGreaterThan(0);
      expect(sampleValue(families, 'wsc_database_connections', { state: 'max' })).toBe(
        kind === 'pglite' ? 1 : 20,
      );
      expect(sampleValue(families, 'wsc_database_connections', { state: 'waiting' })).toBeGreaterThanOrEqual(
        0,
      );
      expect(sampleValue(families, 'wsc_live_streams_open')).toBe(1);
      expect(sampleValue(families, 'wsc_webhook_attempts_total', { outcome: 'failed' })).toBe(1);
      expect(sampleValue(families, 'wsc_webhook_queue_deliveries', { state: 'retrying' })).toBe(1);
      expect(sampleValue(families, 'wsc_webhook_queue_deliveries', { state: 'waiting' })).toBe(0);
      // The sign-up's confirmation mail waits: this server has no SMTP server.
      expect(sampleValue(families, 'wsc_mail_queue_messages', { state: 'waiting' })).toBeGreaterThanOrEqual(
        1,
      );
      expect(sampleValue(families, 'wsc_outbox_lag_events')).toBeGreaterThanOrEqual(0);
      expect(families.get('process_cpu_user_seconds_total')?.type).toBe('counter');

      // Route patterns and fixed words only: nothing that names a member, a partner or a client.
      for (const secret of [
        member.email,
        member.accountId,
        member.token,
        painPoint.id,
        partner.id,
        partner.secretKey,
        '203.0.113.7',
        TOKEN,
      ]) {
        expect(text).not.toContain(secret);
      }
      for (const family of families.values()) {
        for (const sample of family.samples) {
          for (const value of Object.values(sample.labels))
            expect(value).not.toMatch(/@|[\da-f]{8}-[\da-f]{4}/i);
        }
      }
    } finally {
      stream.close();
    }
  });

  test('an outbox the instance stopped reading shows as lag', async () => {
    const member = await signUp(app);
    await app.outbox.stop();
    await postPainPoint(app, member.headers);
    const { families } = await scrape();
    expect(sampleValue(families, 'wsc_outbox_lag_events')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(families, 'wsc_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  test('GET /metrics on the API port needs the token: none or a wrong one is 401', async () => {
    for (const headers of [
      {},
      bearer('not-the-metrics-token-at-all'),
      { authorization: `Basic ${TOKEN}` },
      bearer(`${TOKEN}x`),
    ]) {
      const response = await fetch(`${base}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain('wsc_');
    }
    // A member's session is not the operator's token.
    const member = await signUp(app);
    expect((await fetch(`${base}/metrics`, { headers: member.headers })).status).toBe(401);
  });

  test('the internal port serves /metrics (with the token when one is set) and nothing else', async () => {
    const port = app.metrics?.port;
    expect(port).toBeGreaterThan(0);
    const internal = `http://127.0.0.1:${port}`;
    expect((await fetch(`${internal}/metrics`)).status).toBe(401);
    expect((await fetch(`${internal}/metrics`, { headers: bearer('wrong-token-wrong-token') })).status).toBe(
      401,
    );
    expect((await fetch(`${internal}/v1/pain-points`)).status).toBe(404);
    const { families } = await scrape(`${internal}/metrics`);
    expect(families.has('wsc_http_request_duration_seconds')).toBe(true);
  });

  test('metrics are off unless asked for; a port alone serves them there only, without a token', async () => {
    const shared = {
      database: app.testDatabase,
      logLevel: 'silent',
      migrate: false,
      seed: false,
      webhookWorker: false,
      mail: { worker: false },
    };
    const plain = await createServer({ ...shared, rateLimit: false });
    const internalOnly = await createServer({ ...shared, rateLimit: false, metrics: { port: 0 } });
    try {
      expect(plain.metrics).toBeNull();
      expect((await plain.inject({ url: '/metrics' })).statusCode).toBe(404);
      await internalOnly.ready();
      expect((await internalOnly.inject({ url: '/metrics' })).statusCode).toBe(404);
      const response = await fetch(`http://127.0.0.1:${internalOnly.metrics?.port}/metrics`);
      expect(response.status).toBe(200);
      parsePrometheusText(await response.text());
    } finally {
      await plain.close();
      await internalOnly.close();
    }
  });
});
