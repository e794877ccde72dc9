import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Header carrying the request id, both ways. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Fastify `genReqId`: keeps a well-formed `X-Request-Id` from the caller (a load balancer or a
 * partner back end correlating its logs), generates one otherwise. Odd values are never
 * echoed, so the header cannot inject into logs.
 *
 * @example
 * Fastify({ genReqId: generateRequestId, requestIdHeader: false });
 */
export function generateRequestId(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  if (typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming)) return incoming;
  return newRequestId();
}

/** A fresh request id, `req_` and 32 hex digits. */
export function newRequestId(): string {
  return `req_${randomUUID().replaceAll('-', '')}`;
}
