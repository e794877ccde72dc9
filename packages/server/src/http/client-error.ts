import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { domainError } from '../errors/domain-error';
import { sendProblem, toHttpProblem } from './error-handler';
import { PROBLEM_CONTENT_TYPE } from './problem';
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
  const answer = tooLarge
    ? domainError('headers-too-large', { detail: 'The request headers are larger than the server accepts.' })
    : domainError('malformed-request', {
        detail:
          'The request line or headers are not valid HTTP: percent-encode non-ASCII characters in the URL.',
      });
  const status = answer.status;
  const body = JSON.stringify(answer.toProblem({ requestId }));
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `content-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * Fastify's `frameworkErrors`: a path segment that is not valid percent-encoded UTF-8 (400) or
 * longer than a path parameter may be (414) is answered as a problem document with its request
 * id, like every other error, instead of Fastify's plain JSON. Such requests never reach a route
 * or its hooks.
 *
 * @example
 * Fastify({ frameworkErrors: answerFrameworkError });
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const answer =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? domainError('uri-too-long', {
          detail:
            'A path segment is longer than the server accepts: ids and slugs are at most 100 characters.',
        })
      : error.code === 'FST_ERR_BAD_URL'
        ? domainError('malformed-request', { detail: 'A path segment is not valid percent-encoded UTF-8.' })
        : toHttpProblem(error);
  reply.header('x-request-id', request.id);
  return sendProblem(request, reply, answer);
}
