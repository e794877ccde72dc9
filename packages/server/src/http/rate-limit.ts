import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { domainError } from '../errors/domain-error';

/** IPv6 clients share one anonymous budget per /64 unless configured otherwise (`rateLimitIpv6Prefix`). */
export const DEFAULT_RATE_LIMIT_IPV6_PREFIX = 64;

/**
 * How many times the anonymous per-IP budget each kind of caller gets. A publishable key is not
 * listed: it names the site a request came from (attribution), and its requests share the
 * anonymous budget of their IP, so rotating keys buys no extra requests.
 */
export const RATE_LIMIT_MULTIPLIERS = { anonymous: 1, account: 5, secret: 20 } as const;

/**
 * The bucket of a client address: an IPv4 address as is (IPv4-mapped IPv6 included), an IPv6
 * address by its first `ipv6Prefix` bits, so a host rotating through its /64 stays one client.
 *
 * @example
 * addressBucket('2001:db8:1:2:aaaa::1', 64); // '2001:db8:1:2::/64'
 * addressBucket('::ffff:203.0.113.9', 64); // '203.0.113.9'
 */
export function addressBucket(address: string, ipv6Prefix: number): string {
  const normalized = normalizeIP(address, ipv6Prefix);
  return normalized.includes(':') && ipv6Prefix < 128 ? `${normalized}/${ipv6Prefix}` : normalized;
}

/**
 * The bucket a request counts against: a secret key's partner, a signed-in member, or else the
 * client address (with or without a publishable key: one budget per address).
 *
 * @example
 * rateLimitKey(request, 64); // 'account:…' | 'partner:…' | 'ip:203.0.113.9' | 'ip:2001:db8::/64'
 */
export function rateLimitKey(request: FastifyRequest, ipv6Prefix = DEFAULT_RATE_LIMIT_IPV6_PREFIX): string {
  const { account, partner } = request.principal;
  if (partner?.keyKind === 'secret') return `partner:${partner.id}`;
  if (account) return `account:${account.id}`;
  return `ip:${addressBucket(request.ip, ipv6Prefix)}`;
}

function multiplier(request: FastifyRequest): number {
  const { account, partner } = request.principal;
  if (partner?.keyKind === 'secret') return RATE_LIMIT_MULTIPLIERS.secret;
  if (account) return RATE_LIMIT_MULTIPLIERS.account;
  return RATE_LIMIT_MULTIPLIERS.anonymous;
}

/** How long a starting instance waits for Redis before it serves requests without counting them. */
const REDIS_CONNECT_WAIT_MS = 5_000;

/**
 * Resolves once `redis` is connected, or after `waitMs`. Without the wait, the requests a new
 * instance answers before its connection is up are let through uncounted (the client has no
 * offline queue and the limiter skips on error), so two instances would not share one budget.
 */
async function connected(redis: Redis, waitMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  const ready = await new Promise<boolean>((resolve) => {
    onReady = () => resolve(true);
    redis.once('ready', onReady);
    timer = setTimeout(() => resolve(false), waitMs);
  });
  clearTimeout(timer);
  if (onReady) redis.off('ready', onReady);
  return ready;
}

/**
 * Registers per-minute rate limits on every route registered afterwards and on requests no route
 * answers (their credentials are checked all the same, so guessing must cost budget there too):
 * `perMinute` requests for an anonymous client address (IPv6 per `ipv6Prefix`), more for members
 * and secret keys, counted in Redis when `redisUrl` is given (shared by all instances), in memory
 * otherwise. Exceeding answers 429 with `Retry-After`.
 *
 * @example
 * await registerRateLimits(app, { perMinute: 120, redisUrl: null, ipv6Prefix: 64 });
 */
export async function registerRateLimits(
  app: FastifyInstance,
  options: { perMinute: number; redisUrl: string | null; ipv6Prefix?: number | undefined },
): Promise<void> {
  const ipv6Prefix = options.ipv6Prefix ?? DEFAULT_RATE_LIMIT_IPV6_PREFIX;
  let redis: Redis | undefined;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    redis.on('error', (error) => app.log.warn({ err: error }, 'redis unavailable; rate limits skipped'));
    app.addHook('onClose', async () => {
      await redis?.quit().catch(() => redis?.disconnect());
    });
    if (!(await connected(redis, REDIS_CONNECT_WAIT_MS))) {
      app.log.warn(
        `redis not ready after ${REDIS_CONNECT_WAIT_MS} ms; serving without rate limits until it is`,
      );
    }
  }
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: 60_000,
    max: (request) => options.perMinute * multiplier(request),
    keyGenerator: (request) => rateLimitKey(request, ipv6Prefix),
    // Health probes of a load balancer must never be throttled.
    allowList: (request) => request.url === '/health' || request.url === '/ready',
    ...(redis ? { redis, nameSpace: 'wsc-rate-limit:', skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) =>
      domainError('rate-limited', {
        detail: `Limit of ${context.max} requests per minute reached; retry in ${context.after}.`,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
      }),
  });
  // The 404 handler has no route for the plugin to hook: count unrouted requests here, after the
  // hook that identified the caller (same store, same keys, same budget).
  const limitUnrouted = app.rateLimit();
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) {
      done();
      return undefined;
    }
    return limitUnrouted.call(app, request, reply);
  });
}
