// `npm run cluster` under test: three API instances started together on one PostgreSQL schema and one Redis,
// behind the HAProxy the script generates. What several instances must share is checked across them (live
// events, rate limits, the first-page cache, webhook deliveries, migrations), then every instance is
// restarted in turn (SIGTERM) while a bounded load runs through the proxy: no request fails, no write is
// lost, and the SDK's live subscription moves to another instance and misses nothing.
//
// Requests come from addresses of their own in 127.0.0.0/8 (the proxy forwards the address a client connects
// from): the rate-limit buckets in the shared Redis are then this run's alone.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { WscClient } from '@wsc/sdk';
import { createDatabase, findMigrationsDirectory } from '@wsc/server/admin';
import { processDatabases } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findHaproxy, startCluster } from './cluster.mjs';

const haproxy = findHaproxy();
const ready = Boolean(process.env.TEST_DATABASE_URL && process.env.REDIS_URL && haproxy);
if (!ready) {
  console.warn(
    'SKIPPED: scripts/cluster.test.mjs (npm run cluster): it needs TEST_DATABASE_URL, REDIS_URL and HAProxy (apt-get install haproxy); .ci/run provides all three.',
  );
}

const ADMIN = { email: 'cluster-admin@example.org', password: 'cluster admin password' };
/** Anonymous requests per minute per address; members get five times as many. */
const RATE_LIMIT = 40;
const GRACE_SECONDS = 10;

/** An address of 127.0.0.0/8 other than 127.0.0.1, new for each call. */
function newAddress() {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** One HTTP request from `localAddress` (a new connection each time); resolves with status and JSON body. */
function call(url, { method = 'GET', headers = {}, body, localAddress = newAddress() } = {}) {
  return new Promise((resolveCall, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = httpRequest(
      url,
      {
        method,
        localAddress,
        agent: false,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolveCall({ status: response.statusCode, body: json, text });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** A raw event stream: its text as it arrives, and when the server ended it. */
function openRawStream(url) {
  return new Promise((resolveOpen, reject) => {
    const stream = { text: '', ended: undefined, close: () => {} };
    const outgoing = httpRequest(url, { localAddress: newAddress(), agent: false }, (response) => {
      response.setEncoding('utf8');
      stream.ended = new Promise((resolveEnd) => response.on('close', resolveEnd));
      response.on('data', (chunk) => {
        stream.text += chunk;
        // The preamble: the hub holds the stream from here on.
        if (stream.text.includes('retry:')) resolveOpen(stream);
      });
      stream.close = () => outgoing.destroy();
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * Polls `check` until it holds (rejects naming `what` after 60 s: outbox events wait for every older
 * transaction on the PostgreSQL server to end, and other suites share it).
 */
async function until(check, what) {
  const deadline = performance.now() + 60_000;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

/** A webhook receiver on 127.0.0.1 counting each event id it is sent. */
async function startReceiver() {
  const received = new Map();
  const server = createHttpServer((incoming, response) => {
    let text = '';
    incoming.on('data', (chunk) => (text += chunk));
    incoming.on('end', () => {
      const event = JSON.parse(text);
      received.set(event.id, (received.get(event.id) ?? 0) + 1);
      response.writeHead(204).end();
    });
  });
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    received,
    close: () => new Promise((resolveClose) => server.close(resolveClose)),
  };
}

describe.skipIf(!ready)('npm run cluster: three instances behind HAProxy', { timeout: 120_000 }, () => {
  const databases = ready ? processDatabases('cluster') : [];
  const postgres = databases.find((database) => database.kind === 'postgres');
  let cluster;
  let database;
  let receiver;
  let admin;
  const unexpectedExits = [];

  const post = (path, token, body, extraHeaders = {}) =>
    call(`${cluster.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...extraHeaders },
      body,
    });

  async function signUp() {
    const address = newAddress();
    const answer = await call(`${cluster.url}/v1/auth/signup`, {
      method: 'POST',
      localAddress: address,
      body: {
        email: `member.${randomBytes(5).toString('hex')}@example.org`,
        password: 'correct horse battery staple',
        displayName: 'Cluster member',
        role: 'urban-planner',
      },
    });
    expect(answer.status, answer.text).toBe(201);
    return { token: answer.body.token, address };
  }

  async function postPainPoint(member, title) {
    return post(
      '/v1/pain-points',
      member.token,
      {
        title: { en: title },
        description: { en: 'Reported while testing several instances.' },
        domain: 'mobility',
      },
      { 'idempotency-key': randomUUID() },
    );
  }

  beforeAll(async () => {
    const environment = await postgres.environment();
    database = await createDatabase({ url: environment.DATABASE_URL });
    receiver = await startReceiver();
    cluster = await startCluster({
      haproxy,
      healthCheckMilliseconds: 200,
      environment: {
        ...environment,
        REDIS_URL: process.env.REDIS_URL,
        WSC_RATE_LIMIT: String(RATE_LIMIT),
        WSC_ADMIN_EMAIL: ADMIN.email,
        WSC_ADMIN_PASSWORD: ADMIN.password,
        WSC_WEBHOOK_ALLOW_PRIVATE: '1',
        // Far longer than the test: only the change notifications can refresh a cached page.
        WSC_FIRST_PAGE_CACHE_SECONDS: '300',
        WSC_SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
        WSC_SMTP_URL: '',
      },
      onUnexpectedExit: (name, how, output) => unexpectedExits.push(`${name} (${how}):\n${output}`),
    });
    const login = await call(`${cluster.url}/v1/auth/login`, { method: 'POST', body: ADMIN });
    expect(login.status, login.text).toBe(200);
    admin = login.body.token;
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
    await database?.close();
    for (const each of databases) await each.cleanup();
  }, 60_000);

  test('the three instances started together and the migrations ran once', async () => {
    const files = readdirSync(findMigrationsDirectory()).filter((name) => /^\d{4}_.+\.sql$/.test(name));
    const applied = await database.db.selectFrom('schema_migrations').select('name').execute();
    expect(applied.map((row) => row.name).sort()).toEqual(files.sort());
    expect(await cluster.serverStates()).toEqual({ api1: 'UP', api2: 'UP', api3: 'UP' });
  });

  test('a partner webhook endpoint is registered through the proxy', async () => {
    const partner = await post('/v1/partners', admin, { name: 'Cluster partner' });
    expect(partner.status, partner.text).toBe(201);
    const key = await post(`/v1/partners/${partner.body.id}/keys`, admin, {
      kind: 'secret',
      scopes: ['webhooks'],
    });
    expect(key.status, key.text).toBe(201);
    const endpoint = await post('/v1/webhook-endpoints', key.body.key, {
      url: receiver.url,
      eventTypes: ['pain_point.created'],
    });
    expect(endpoint.status, endpoint.text).toBe(201);
  });

  test('a write through one instance reaches live subscribers of every instance', async () => {
    const streams = await Promise.all(
      cluster.instances.map((instance) => openRawStream(`${instance.url}/v1/stream?topics=pain-points`)),
    );
    try {
      const member = await signUp();
      const posted = await postPainPoint(member, 'Live on every instance');
      expect(posted.status, posted.text).toBe(201);
      await until(
        () => streams.every((stream) => stream.text.includes(posted.body.id)),
        'the event on the streams of all three instances',
      );
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  test('rate limits are counted once for all instances (Redis)', async () => {
    const address = newAddress();
    const statuses = [];
    // Half again the limit, a third to each instance directly: each alone would allow them all.
    for (const instance of cluster.instances) {
      for (let index = 0; index < RATE_LIMIT / 2; index += 1) {
        statuses.push((await call(`${instance.url}/v1/standards?limit=1`, { localAddress: address })).status);
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(RATE_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(RATE_LIMIT / 2);
    // Through the proxy the same client is the same bucket (X-Forwarded-For from the proxy alone).
    expect((await call(`${cluster.url}/v1/standards?limit=1`, { localAddress: address })).status).toBe(429);
  });

  test('a write through one instance refreshes the first page cached on every instance', async () => {
    const firstPage = (instance) => call(`${instance.url}/v1/pain-points?sort=new&limit=5`);
    for (const instance of cluster.instances) expect((await firstPage(instance)).status).toBe(200);
    const member = await signUp();
    const [first] = cluster.instances;
    const posted = await call(`${first.url}/v1/pain-points`, {
      method: 'POST',
      headers: { authorization: `Bearer ${member.token}` },
      localAddress: member.address,
      body: { title: { en: 'Cached nowhere stale' }, description: { en: 'Seen at once.' }, domain: 'energy' },
    });
    expect(posted.status, posted.text).toBe(201);
    for (const instance of cluster.instances) {
      await until(
        async () => (await firstPage(instance)).body.data.some((item) => item.id === posted.body.id),
        `the new pain point on the first page of ${instance.name}`,
      );
    }
  });

  test('a rolling restart under load fails no request, loses no write, and live updates follow', async () => {
    const members = await Promise.all(Array.from({ length: 3 }, () => signUp()));
    // The SDK's live client through the proxy: its instance will stop under it.
    const client = new WscClient({ baseURL: cluster.url });
    const live = { events: [], opens: 0, errors: [] };
    const subscription = client.live.subscribe(
      'pain-points',
      (event) => {
        if (event.type === 'pain_point.created') live.events.push(event.data.id);
      },
      { onOpen: () => (live.opens += 1), onError: (error) => live.errors.push(error.message) },
    );
    await until(() => live.opens === 1, 'the SDK subscription to open');
    const watched = await openRawStream(`${cluster.instances[0].url}/v1/stream?topics=pain-points`);

    // The load: each member writes, then an anonymous reader reads, over and over, until the restarts end.
    // Paced so a member stays within its rate limit however long the restarts take.
    const answers = [];
    const created = [];
    let loading = true;
    const worker = async (member) => {
      for (let writes = 0; loading; writes += 1) {
        const started = performance.now();
        if (writes < RATE_LIMIT * 5 - 10) {
          const answer = await postPainPoint(member, `Written during the restart ${writes}`).catch(
            (error) => ({
              status: 0,
              text: String(error),
            }),
          );
          answers.push({ request: 'POST /v1/pain-points', ...answer });
          if (answer.status === 201) created.push(answer.body.id);
        }
        const read = await call(`${cluster.url}/v1/pain-points?limit=5`).catch((error) => ({
          status: 0,
          text: String(error),
        }));
        answers.push({ request: 'GET /v1/pain-points', ...read });
        const pause = 300 - (performance.now() - started);
        if (pause > 0) await new Promise((resolvePause) => setTimeout(resolvePause, pause));
      }
    };
    const load = Promise.all(members.map(worker));

    const restarts = [];
    try {
      for (const instance of cluster.instances) {
        const before = answers.length;
        const stopped = await cluster.restart(instance.name);
        restarts.push({ name: instance.name, ...stopped, answers: answers.length - before });
      }
    } finally {
      loading = false;
      await load;
    }

    // Every instance stopped cleanly, at once rather than after the grace period, while requests flowed.
    for (const restart of restarts) {
      expect(restart, JSON.stringify(restart)).toMatchObject({ code: 0, signal: null });
      expect(restart.milliseconds).toBeLessThan(GRACE_SECONDS * 1000);
      expect(restart.answers, `requests answered while ${restart.name} restarted`).toBeGreaterThan(0);
    }
    // The stream on the first instance was told to reconnect, then ended.
    await watched.ended;
    expect(watched.text).toMatch(/retry: \d+\n: server stopping; reconnect\n\n$/);

    const failed = answers.filter((answer) => answer.status < 200 || answer.status >= 300);
    expect(failed.map((answer) => `${answer.request} → ${answer.status} ${answer.text}`)).toEqual([]);
    expect(created.length).toBeGreaterThan(0);

    // No write lost: each acknowledged pain point is stored once.
    const stored = await database.db
      .selectFrom('pain_points')
      .select('id')
      .where('id', 'in', created)
      .execute();
    expect(stored).toHaveLength(created.length);

    // The SDK reconnected (to another instance) and received each new pain point once, none missed.
    await until(
      () => created.every((id) => live.events.includes(id)),
      'every pain point on the SDK subscription',
    );
    subscription.close();
    expect(live.opens).toBeGreaterThanOrEqual(2);
    expect(live.events.filter((id) => created.includes(id))).toHaveLength(created.length);
    expect(live.errors).toEqual([]);
    expect(unexpectedExits).toEqual([]);
  });

  test('each webhook event was delivered once, across the instances and the restarts', async () => {
    const deliveries = () =>
      database.db.selectFrom('webhook_deliveries').select(['event_id', 'status', 'attempts']).execute();
    await until(
      async () => (await deliveries()).every((delivery) => delivery.status === 'succeeded'),
      'every webhook delivery to succeed',
    );
    const all = await deliveries();
    // Every pain point created in this file (one per test before the restarts, and the load's).
    expect(all.length).toBeGreaterThan(2);
    expect(all.filter((delivery) => delivery.attempts !== 1)).toEqual([]);
    expect(receiver.received.size).toBe(all.length);
    expect([...receiver.received].filter(([, count]) => count !== 1)).toEqual([]);
  });
});
