import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,255}$/;
/** A pending claim older than this belongs to a crashed request; a retry may take it over. */
const ABANDONED_AFTER_MILLISECONDS = 60_000;
/** How long a duplicate waits for the first request to finish before answering 409. */
const WAIT_FOR_FIRST_MILLISECONDS = 10_000;
const REPLAYED_HEADERS = ['content-type', 'location', 'content-language'];

/**
 * What a route does with `Idempotency-Key`, set as `config: { idempotency: … }`:
 * - `replay` (default): the first answer is stored and replayed;
 * - `no-store`: the answer carries a credential shown once (tokens, keys), so it is not stored:
 *   a repeat gets 409 `idempotency-replay-unavailable` instead of a second effect.
 */
export type IdempotencyMode = 'replay' | 'no-store';

interface IdempotencyClaim {
  scope: string;
  key: string;
  mode: IdempotencyMode;
  /** The answer says "retry" (a concurrent change got in the way): free the key, store nothing. */
  released?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim?: IdempotencyClaim;
    idempotencyBodyHash?: string;
  }
  interface FastifyContextConfig {
    idempotency?: IdempotencyMode;
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function scopeOf(request: FastifyRequest): string {
  const { account, partner } = request.principal;
  if (account) return `account:${account.id}`;
  if (partner?.keyKind === 'secret') return `partner:${partner.id}`;
  return `ip:${request.ip}`;
}

/**
 * `preValidation` step: fingerprints the request as sent (method, path, query, body with
 * sorted keys) before schema defaults and trimming change it.
 *
 * @example
 * app.addHook('preValidation', async (request) => fingerprintRequest(request));
 */
export function fingerprintRequest(request: FastifyRequest): void {
  if (!WRITE_METHODS.has(request.method) || request.headers[IDEMPOTENCY_KEY_HEADER] === undefined) return;
  request.idempotencyBodyHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

/**
 * `preHandler` step (after validation, guards and rate limits): claims the key, or replays the
 * stored answer, or refuses a reused key (422) or a key still in flight (409 after waiting).
 * Keys are scoped per caller: the same key from two members are two keys.
 *
 * @example
 * app.addHook('preHandler', async (request, reply) => claimIdempotencyKey(app.db, request, reply, 86400));
 */
export async function claimIdempotencyKey(
  db: Kysely<DatabaseSchema>,
  request: FastifyRequest,
  reply: FastifyReply,
  ttlSeconds: number,
): Promise<FastifyReply | undefined> {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (!WRITE_METHODS.has(request.method) || header === undefined) return undefined;
  if (typeof header !== 'string' || !ACCEPTABLE_KEY.test(header)) {
    throw domainError('invalid-idempotency-key', {
      detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters; a UUID v4 is a good choice.',
    });
  }
  const scope = scopeOf(request);
  const requestHash = request.idempotencyBodyHash ?? 'no-body';
  const mode: IdempotencyMode = request.routeOptions.config.idempotency ?? 'replay';
  const path = request.url.split('?')[0] ?? request.url;
  const deadline = Date.now() + WAIT_FOR_FIRST_MILLISECONDS;

  for (;;) {
    const now = new Date();
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({
        scope,
        key: header,
        method: request.method,
        path,
        request_hash: requestHash,
        state: 'pending',
        expires_at: new Date(now.getTime() + ttlSeconds * 1000),
      })
      .onConflict((conflict) =>
        conflict
          .columns(['scope', 'key'])
          .doUpdateSet({
            method: request.method,
            path,
            request_hash: requestHash,
            state: 'pending',
            response_status: null,
            response_headers: null,
            response_body: null,
            created_at: now,
            expires_at: new Date(now.getTime() + ttlSeconds * 1000),
          })
          // Take over only an expired record or a claim abandoned by a crashed request.
          .where((eb) =>
            eb.or([
              eb('idempotency_keys.expires_at', '<', now),
              eb.and([
                eb('idempotency_keys.state', '=', 'pending'),
                eb(
                  'idempotency_keys.created_at',
                  '<',
                  new Date(now.getTime() - ABANDONED_AFTER_MILLISECONDS),
                ),
              ]),
            ]),
          ),
      )
      .returning('key')
      .executeTakeFirst();
    if (claimed) {
      request.idempotencyClaim = { scope, key: header, mode };
      return undefined;
    }
    const existing = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', header)
      .executeTakeFirst();
    if (!existing) continue; // deleted meanwhile (the first request failed with a 5xx): claim again
    if (existing.request_hash !== requestHash) {
      throw domainError('idempotency-key-reused', {
        detail: `This key was first used for ${existing.method} ${existing.path} with other parameters. Use a new key for a new request.`,
      });
    }
    if (existing.state === 'completed') {
      if (existing.response_body === null) {
        throw domainError('idempotency-replay-unavailable', {
          detail:
            'The first request with this key succeeded, but its answer carried a credential that is shown once and never stored.',
        });
      }
      const headers = (existing.response_headers ?? {}) as Record<string, string>;
      for (const [name, value] of Object.entries(headers)) reply.header(name, value);
      reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return reply.code(existing.response_status ?? 200).send(existing.response_body);
    }
    if (Date.now() > deadline) {
      throw domainError('idempotency-key-in-use', {
        detail: 'A request with this key is still being processed; retry later with the same key.',
        headers: { 'retry-after': '1' },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Marks this request's answer as carrying a credential shown once (a route that only sometimes
 * answers one, e.g. a registration that joins the community): it is not stored for replay.
 *
 * @example
 * if (request.body.join) withholdFromReplay(request);
 */
export function withholdFromReplay(request: FastifyRequest): void {
  if (request.idempotencyClaim) request.idempotencyClaim.mode = 'no-store';
}

/**
 * Frees this request's key when its refusal asks the client to retry (a concurrent change got in
 * the way, not a refusal of the request itself): like a 5xx, it is not stored for replay, so the
 * retry with the same key runs again (Stripe saves no result for a concurrency conflict either).
 *
 * @example
 * if (isRace(error)) releaseForRetry(request);
 */
export function releaseForRetry(request: FastifyRequest): void {
  if (request.idempotencyClaim) request.idempotencyClaim.released = true;
}

/**
 * `onSend` step: stores the answer of a claimed key for replay, or frees the key after a 5xx
 * (or {@link releaseForRetry}) so the client's retry runs again.
 *
 * @example
 * app.addHook('onSend', async (request, reply, payload) => { await storeIdempotentResponse(app.db, request, reply, payload); return payload; });
 */
export async function storeIdempotentResponse(
  db: Kysely<DatabaseSchema>,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<void> {
  const claim = request.idempotencyClaim;
  if (!claim) return;
  request.idempotencyClaim = undefined;
  const replayable =
    typeof payload === 'string' || Buffer.isBuffer(payload) || payload === undefined || payload === null;
  if (reply.statusCode >= 500 || claim.released || !replayable) {
    await db
      .deleteFrom('idempotency_keys')
      .where('scope', '=', claim.scope)
      .where('key', '=', claim.key)
      .execute();
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  const body = payload === undefined || payload === null ? '' : String(payload);
  await db
    .updateTable('idempotency_keys')
    .set({
      state: 'completed',
      response_status: reply.statusCode,
      response_headers: JSON.stringify(headers),
      response_body: claim.mode === 'no-store' && reply.statusCode < 300 ? null : body,
    })
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .execute();
}

/**
 * Deletes records past their 24 h; called now and then, never on the request path.
 *
 * @example
 * await purgeExpiredIdempotencyKeys(db);
 */
export async function purgeExpiredIdempotencyKeys(db: Kysely<DatabaseSchema>): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('expires_at', '<', new Date())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
