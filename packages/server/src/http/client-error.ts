import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { newRequestId } from './request-id';

/**
 * Answers a request Node's HTTP parser refused before Fastify saw it (a raw, not percent-encoded,
 * non-ASCII character in the URL; a malformed header) with the same RFC 9457 problem document as
 * every other error, instead of Fastify's plain `{"error":"Bad Request"}`.
 *
 * @example
 * Fastify({ clientErrorHandler: answerClientError });
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const requestId = newRequestId();
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: problemType(tooLarge ? 'headers-too-large' : 'malformed-request'),
    title: tooLarge ? 'Request headers too large' : 'Malformed request',
    status,
    detail: tooLarge
      ? 'The request headers are larger than the server accepts.'
      : 'The request line or headers are not valid HTTP: percent-encode non-ASCII characters in the URL.',
    requestId,
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `content-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
}
