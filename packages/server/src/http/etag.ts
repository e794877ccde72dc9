import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Strong ETag of a response body: a quoted, truncated sha1 (a cache validator, not a secret).
 *
 * @example
 * entityTag('{"data":[]}'); // '"b5f4…"'
 */
export function entityTag(body: string | Buffer): string {
  // One-shot hash: no Hash object per response.
  return `"${hash('sha1', body, 'base64url').slice(0, 27)}"`;
}

function matches(ifNoneMatch: string, tag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}

/**
 * `onSend` step: adds an ETag to successful GET/HEAD JSON answers and turns them into an
 * empty 304 when `If-None-Match` already names it. The body is still computed: the saving
 * is bandwidth and client parsing, which is what the SDK's cache plugin relies on.
 *
 * @example
 * app.addHook('onSend', async (request, reply, payload) => applyEntityTag(request, reply, payload));
 */
export function applyEntityTag(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  const contentType = String(reply.getHeader('content-type') ?? '');
  if (!contentType.includes('json')) return payload;
  const preset = reply.getHeader('etag') as string | undefined;
  // Encoded once: the bytes hashed are the bytes sent (hashing the string would encode it twice).
  const body = preset === undefined && typeof payload === 'string' ? Buffer.from(payload) : payload;
  const tag = preset ?? entityTag(body);
  reply.header('etag', tag);
  // The same URL answers differently per caller (a member's own vote, a partner's attribution).
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/\bauthorization\b/i.test(vary))
    reply.header('vary', vary ? `${vary}, Authorization` : 'Authorization');
  const ifNoneMatch = request.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string' && matches(ifNoneMatch, tag)) {
    reply.code(304);
    reply.removeHeader('content-length');
    reply.removeHeader('content-type');
    return '';
  }
  return body;
}
