import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { problem } from './problem';

/** How many times the anonymous per-IP budget each kind of caller gets. */
export const RATE_LIMIT_MULTIPLIERS = { anonymous: 1, publishable: 2, account: 5, secret: 20 } as const;

/**
 * The bucket a request counts against: a secret key's partner, a signed-in member, or the
 * client IP (with a publishable key, the IP within that partner's site).
 *
 * @example
 * rateLimitKey(request); // 'account:…' | 'partner:…' | 'ip:203.0.113.9' | 'pk:…:ip:…'
 */
export function rateLimitKey(request: FastifyRequest): string {
  const { account, partner } = request.principal;
  if (partner?.keyKind === 'secret') return `partner:${partner.id}`;
  if (account) return `account:${account.id}`;
  if (partner?.keyKind === 'publishable') return `pk:${partner.id}:ip:${request.ip}`;
  return `ip:${request.ip}`;
}

function multiplier(request: FastifyRequest): number {
  const { account, partner } = request.principal;
  if (partner?.keyKind === 'secret') return RATE_LIMIT_MULTIPLIERS.secret;
  if (account) return RATE_LIMIT_MULTIPLIERS.account;
  if (partner?.keyKind === 'publishable') return RATE_LIMIT_MULTIPLIERS.publishable;
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
 * Registers per-minute rate limits on every route registered afterwards: `perMinute` requests
 * for an anonymous IP, more for keys and members, counted in Redis when `redisUrl` is given
 * (shared by all instances), in memory otherwise. Exceeding answers 429 with `Retry-After`.
 *
 * @example
 * await registerRateLimits(app, { perMinute: 120, redisUrl: null });
 */
export async function registerRateLimits(
  app: FastifyInstance,
  options: { perMinute: number; redisUrl: string | null },
): Promise<void> {
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
    keyGenerator: rateLimitKey,
    // Health probes of a load balancer must never be throttled.
    allowList: (request) => request.url === '/health' || request.url === '/ready',
    ...(redis ? { redis, nameSpace: 'wsc-rate-limit:', skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) =>
      problem('rate-limited', {
        detail: `Limit of ${context.max} requests per minute reached; retry in ${context.after}.`,
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
      }),
  });
}
