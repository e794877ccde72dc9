import { randomInt } from 'node:crypto';
import { type AddressInfo, connect, createServer as createNetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import { optionsFromEnvironment, resolveConfig } from '../config';
import { createPartner, createTestServer, databases, signUp, type TestServer } from '../test-support/index';

const PER_MINUTE = 5;

function randomAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

describe.each(databases())('rate limits on $kind', ({ kind }) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ kind, rateLimit: PER_MINUTE });
  });
  afterAll(() => app?.dispose());

  const read = (remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/v1/partners?limit=1', remoteAddress, headers });

  test('an anonymous IP gets WSC_RATE_LIMIT requests a minute, then 429 with Retry-After', async () => {
    const address = randomAddress();
    for (let index = 0; index < PER_MINUTE; index += 1) {
      const response = await read(address);
      expect(response.statusCode).toBe(401); // counted even though refused: the limit comes first
      expect(response.headers['x-ratelimit-limit']).toBe(String(PER_MINUTE));
    }
    const limited = await read(address);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({
      status: 429,
      type: 'https://worldsmartcity.org/problems/rate-limited',
    });
    // Another IP has its own budget; health probes are never limited.
    expect((await read(randomAddress())).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/health', remoteAddress: address })).statusCode).toBe(
      200,
    );
  });

  test('refused credentials count against the IP budget: guessing tokens ends in 429', async () => {
    const address = randomAddress();
    const attempts: Record<string, string>[] = [
      { authorization: 'Bearer wsc_ses_notARealTokenAtAllxxxxxxxxxxxxxxxxxxxxx' },
      { authorization: 'Bearer sk_live_guessedSecretKeyxxxxxxxxxxxxxxxxxxxxxxx' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { 'x-wsc-publishable-key': 'pk_live_guessedPublishableKeyxxxxxxxxxxxxxxxx' },
    ];
    const statuses: number[] = [];
    for (let index = 0; index < PER_MINUTE + 3; index += 1) {
      const headers = attempts[index % attempts.length] ?? {};
      const response = await app.inject({
        method: 'POST',
        url: '/v1/pain-points',
        remoteAddress: address,
        headers,
        payload: {},
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, PER_MINUTE)).toEqual(Array(PER_MINUTE).fill(401));
    expect(statuses.slice(PER_MINUTE)).toEqual([429, 429, 429]);
    // The IP's anonymous budget is spent for honest anonymous reads too.
    expect((await read(address)).statusCode).toBe(429);
  });

  test('unknown paths count too: guessing credentials there ends in 429 like anywhere else', async () => {
    const address = randomAddress();
    const statuses: number[] = [];
    for (let index = 0; index < PER_MINUTE + 2; index += 1) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/no-such-route-${index}`,
        remoteAddress: address,
        headers: { authorization: `Bearer sk_live_guess${index}xxxxxxxxxxxxxxxxxxxxxxxxxxxx` },
      });
      statuses.push(response.statusCode);
    }
    // Each guess answers (401: unknown key) until the budget is spent; then 429, which says nothing.
    expect(statuses.slice(0, PER_MINUTE)).toEqual(Array(PER_MINUTE).fill(401));
    expect(statuses.slice(PER_MINUTE)).toEqual([429, 429]);
    // A valid secret key on an unknown path is counted against its partner's budget.
    const partner = await createPartner(app);
    const routed = await app.inject({
      method: 'GET',
      url: '/v1/nowhere',
      remoteAddress: randomAddress(),
      headers: { authorization: `Bearer ${partner.secretKey}` },
    });
    expect(routed.statusCode).toBe(404);
    expect(routed.headers['x-ratelimit-limit']).toBe(String(PER_MINUTE * 20));
    expect(routed.headers['x-ratelimit-remaining']).toBe(String(PER_MINUTE * 20 - 1));
  });

  test('publishable keys share the IP budget: after the anonymous 429, another key adds no requests', async () => {
    const [first, second] = [await createPartner(app), await createPartner(app)];
    const address = randomAddress();
    const withKey = (key: string | null) =>
      app.inject({
        method: 'GET',
        url: `/v1/pain-points?limit=1${key ? `&key=${key}` : ''}`,
        remoteAddress: address,
      });
    const statuses: number[] = [];
    for (let index = 0; index < PER_MINUTE; index += 1) {
      statuses.push((await withKey(index % 2 === 0 ? null : first.publishableKey)).statusCode);
    }
    expect(statuses).toEqual(Array(PER_MINUTE).fill(200));
    expect((await withKey(null)).statusCode).toBe(429);
    expect((await withKey(first.publishableKey)).statusCode).toBe(429);
    expect((await withKey(second.publishableKey)).statusCode).toBe(429);
  });

  test('IPv6 clients are counted per /64; IPv4-mapped addresses in their IPv4 budget', async () => {
    const network = `2001:db8:${randomInt(0x10000).toString(16)}:${randomInt(0x10000).toString(16)}`;
    const statuses: number[] = [];
    // A host rotating through its /64: every request from another address of it.
    for (let index = 1; index <= PER_MINUTE + 1; index += 1) {
      statuses.push(
        (await read(`${network}:${index.toString(16)}::${randomInt(0x10000).toString(16)}`)).statusCode,
      );
    }
    expect(statuses).toEqual([...Array(PER_MINUTE).fill(401), 429]);
    // The neighbouring /64 is another client.
    expect((await read(`2001:db8:ffff:${randomInt(0x10000).toString(16)}::1`)).statusCode).toBe(401);

    const ipv4 = randomAddress();
    const mapped: number[] = [];
    for (let index = 0; index < PER_MINUTE + 1; index += 1) {
      mapped.push((await read(index % 2 === 0 ? ipv4 : `::ffff:${ipv4}`)).statusCode);
    }
    expect(mapped).toEqual([...Array(PER_MINUTE).fill(401), 429]);
  });

  test('a signed-in member is counted per account with a larger budget', async () => {
    const member = await signUp(app, { roles: ['admin'] });
    const addresses = [randomAddress(), randomAddress()];
    let answered = 0;
    for (let index = 0; index < PER_MINUTE * 5; index += 1) {
      const response = await read(addresses[index % 2] as string, member.headers);
      if (response.statusCode === 200) answered += 1;
    }
    // Two IPs, one account: the budget follows the account (the sign-up was counted against its IP).
    expect(answered).toBe(PER_MINUTE * 5);
    const limited = await read(randomAddress(), member.headers);
    expect(limited.statusCode).toBe(429);
  });
});

describe('the IPv6 prefix of rate limits', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ rateLimit: PER_MINUTE, rateLimitIpv6Prefix: 128 });
  });
  afterAll(() => app?.dispose());

  test('rateLimitIpv6Prefix: 128 counts each IPv6 address on its own', async () => {
    const network = `2001:db8:${randomInt(0x10000).toString(16)}:1`;
    for (let index = 1; index <= PER_MINUTE + 1; index += 1) {
      const response = await app.inject({
        method: 'GET',
        url: '/v1/partners',
        remoteAddress: `${network}::${index.toString(16)}`,
      });
      expect(response.statusCode).toBe(401);
    }
  });

  test('WSC_RATE_LIMIT_IPV6_PREFIX is read and checked', () => {
    expect(optionsFromEnvironment({ WSC_RATE_LIMIT_IPV6_PREFIX: '56' }).rateLimitIpv6Prefix).toBe(56);
    expect(resolveConfig({}).rateLimitIpv6Prefix).toBe(64);
    expect(() => optionsFromEnvironment({ WSC_RATE_LIMIT_IPV6_PREFIX: '/64' })).toThrow(
      'WSC_RATE_LIMIT_IPV6_PREFIX must be an IPv6 prefix length between 1 and 128 (default 64), not "/64"',
    );
    expect(() => resolveConfig({ rateLimitIpv6Prefix: 129 })).toThrow(/rateLimitIpv6Prefix must be/);
  });
});

describe.skipIf(!process.env.REDIS_URL)('rate limits shared through Redis', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await createTestServer({ rateLimit: PER_MINUTE, redisUrl: process.env.REDIS_URL });
  });
  afterAll(() => app?.dispose());

  /** Another instance on the same database, counting through `redisUrl`. */
  const instance = (redisUrl: string) =>
    createServer({
      database: app.testDatabase,
      migrate: false,
      seed: false,
      logLevel: 'silent',
      rateLimit: PER_MINUTE,
      redisUrl,
    });

  /** Statuses of `count` signed-out requests from one address, one after another. */
  async function hits(server: Pick<TestServer, 'inject'>, address: string, count: number) {
    const statuses: number[] = [];
    for (let index = 0; index < count; index += 1) {
      statuses.push(
        (await server.inject({ method: 'GET', url: '/v1/partners', remoteAddress: address })).statusCode,
      );
    }
    return statuses;
  }

  /**
   * The network to Redis as a fault injector: a proxy that holds each new connection `delay` ms
   * before connecting it, and `cut()` shuts it with every connection it carries.
   */
  async function redisProxy(delay = 0) {
    const redisUrl = new URL(process.env.REDIS_URL as string);
    const sockets = new Set<Socket>();
    const proxy = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      setTimeout(() => {
        const upstream = connect(Number(redisUrl.port || 6379), redisUrl.hostname);
        sockets.add(upstream);
        socket.pipe(upstream).pipe(socket);
        socket.on('close', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      }, delay);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as AddressInfo;
    return {
      url: `redis://127.0.0.1:${port}`,
      cut() {
        proxy.close();
        for (const socket of sockets) socket.destroy();
      },
    };
  }

  test('two instances on one Redis share one budget', async () => {
    const second = await instance(process.env.REDIS_URL as string);
    try {
      const address = randomAddress();
      const statuses: number[] = [];
      for (let index = 0; index < PER_MINUTE + 1; index += 1) {
        statuses.push(...(await hits(index % 2 === 0 ? app : second, address, 1)));
      }
      expect(statuses.slice(0, PER_MINUTE).every((status) => status === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await second.close();
    }
  });

  test('unknown paths and publishable keys count in the shared budget of the address', async () => {
    const second = await instance(process.env.REDIS_URL as string);
    try {
      const partner = await createPartner(app);
      const address = randomAddress();
      const statuses: number[] = [];
      for (let index = 0; index < PER_MINUTE + 2; index += 1) {
        const server = index % 2 === 0 ? app : second;
        const url = index % 3 === 0 ? `/v1/unknown-${index}` : `/v1/coverage?key=${partner.publishableKey}`;
        statuses.push((await server.inject({ method: 'GET', url, remoteAddress: address })).statusCode);
      }
      expect(statuses.slice(0, PER_MINUTE).every((status) => status === 404 || status === 200)).toBe(true);
      expect(statuses.slice(PER_MINUTE)).toEqual([429, 429]);
    } finally {
      await second.close();
    }
  });

  test('an instance counts from its first request, even when Redis is slow to connect', async () => {
    // A slow network to Redis: each connection is held for 300 ms.
    const proxy = await redisProxy(300);
    const fresh = await instance(proxy.url);
    try {
      expect(await hits(fresh, randomAddress(), PER_MINUTE + 1)).toEqual([
        ...Array(PER_MINUTE).fill(401),
        429,
      ]);
    } finally {
      await fresh.close();
      proxy.cut();
    }
  });

  test('when Redis goes away mid-run, requests are still answered (limits skipped), never 5xx', async () => {
    const proxy = await redisProxy();
    const fresh = await instance(proxy.url);
    try {
      const address = randomAddress();
      const before = await fresh.inject({ method: 'GET', url: '/v1/partners', remoteAddress: address });
      expect(before.statusCode).toBe(401);
      expect(before.headers['x-ratelimit-remaining']).toBe(String(PER_MINUTE - 1));
      // The fault: the proxy is shut, with its connections, after that first request.
      proxy.cut();
      const started = Date.now();
      const after = await hits(fresh, address, PER_MINUTE * 2);
      // Served as if there were no limit (401: no credentials), promptly, instead of failing.
      expect(after).toEqual(Array(PER_MINUTE * 2).fill(401));
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await fresh.close();
      proxy.cut();
    }
  });
});

if (!process.env.REDIS_URL) {
  console.warn('SKIPPED: Redis rate-limit store tests (set REDIS_URL=redis://127.0.0.1:6379 to run them)');
}
