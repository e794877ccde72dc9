import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { usableKey } from '../database/usable-key';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS =
  'authorization, content-type, idempotency-key, x-wsc-publishable-key, x-request-id, if-none-match, accept-language, last-event-id';
const EXPOSED_HEADERS =
  'x-request-id, etag, location, retry-after, idempotent-replayed, content-language, ratelimit-limit, ratelimit-remaining, ratelimit-reset, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset';
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * True when some active publishable key lists `origin`. Preflights carry no headers of their
 * own, so they are answered for any origin a partner registered.
 *
 * @example
 * await isRegisteredOrigin(db, 'https://www.iec.ch');
 */
export async function isRegisteredOrigin(db: Kysely<DatabaseSchema>, origin: string): Promise<boolean> {
  const row = await db
    .selectFrom('partner_keys')
    .innerJoin('partners', 'partners.id', 'partner_keys.partner_id')
    .select(sql<number>`1`.as('found'))
    .where('partner_keys.kind', '=', 'publishable')
    .where(usableKey(new Date()))
    .where(sql<boolean>`${origin} = any(partner_keys.allowed_origins)`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Answers a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`): allowed for the
 * origins of registered publishable keys, and for any origin when it only asks to read
 * public content (GET/HEAD without `Authorization`). Returns true when it answered.
 *
 * @example
 * app.addHook('onRequest', async (request, reply) => { if (await answerPreflight(app.db, request, reply)) return reply; });
 */
export async function answerPreflight(
  db: Kysely<DatabaseSchema>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const origin = request.headers.origin;
  const requestedMethod = request.headers['access-control-request-method'];
  if (request.method !== 'OPTIONS' || !origin || typeof requestedMethod !== 'string') return false;
  const requestedHeaders = String(request.headers['access-control-request-headers'] ?? '').toLowerCase();
  const publicRead =
    READ_METHODS.has(requestedMethod.toUpperCase()) && !requestedHeaders.includes('authorization');
  reply.header('vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
  if (publicRead || (await isRegisteredOrigin(db, origin))) {
    reply
      .header('access-control-allow-origin', origin)
      .header('access-control-allow-methods', ALLOWED_METHODS)
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '600');
  }
  await reply.code(204).send();
  return true;
}

/**
 * CORS headers of an actual request: the origin is reflected (never `*`) when a publishable key
 * vouched for it, or when an anonymous caller reads (GET/HEAD without `Authorization`).
 *
 * @example
 * applyCorsHeaders(request, reply);
 */
export function applyCorsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (!origin) return;
  reply.header('vary', 'Origin');
  const vouched = request.principal.originVerified;
  const anonymousRead = READ_METHODS.has(request.method) && !request.headers.authorization;
  if (vouched || anonymousRead) {
    reply
      .header('access-control-allow-origin', origin)
      .header('access-control-expose-headers', EXPOSED_HEADERS);
  }
}
