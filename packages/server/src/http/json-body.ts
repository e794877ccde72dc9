import type { FastifyInstance } from 'fastify';
import { type DomainError, domainError } from '../errors/domain-error';

// fatal: a byte sequence that is not UTF-8 is refused, never turned into U+FFFD and stored.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The 415 problem of a body that is not JSON, naming the Content-Type the request sent (or
 * that it sent none).
 *
 * @example
 * throw unsupportedMediaType('text/plain'); // 415, detail names text/plain
 */
export function unsupportedMediaType(contentType: string | undefined): DomainError {
  const sent = contentType?.trim()
    ? `Content-Type "${contentType.trim().slice(0, 200)}"`
    : 'a body without Content-Type';
  return domainError('unsupported-media-type', {
    detail: `This API reads request bodies as JSON in UTF-8 (Content-Type: application/json); the request sent ${sent}.`,
    errors: [
      { path: 'body', message: `Send Content-Type: application/json instead of ${sent}`, code: 'media_type' },
    ],
  });
}

/**
 * A request body's text, decoded strictly: bytes that are not UTF-8 are a 400 problem naming
 * the body (for parsers of other text types, such as the CSV import).
 *
 * @example
 * const csv = decodeUtf8Body(body);
 */
export function decodeUtf8Body(body: Buffer): string {
  try {
    return utf8Decoder.decode(body);
  } catch {
    throw domainError('malformed-json', {
      detail:
        'The request body holds bytes that are not UTF-8; request bodies are UTF-8. Nothing was stored.',
      errors: [{ path: 'body', message: 'Not valid UTF-8', code: 'invalid_utf8' }],
    });
  }
}

function charsetOf(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType);
  return match ? (match[1] ?? '').toLowerCase() : null;
}

/**
 * Request bodies are JSON in UTF-8, and nothing else: `application/json` (charset absent or
 * UTF-8) is parsed after a strict UTF-8 decoding (invalid bytes are a 400 naming the body instead
 * of U+FFFD stored in their place), with Fastify's own JSON parser (`__proto__` and
 * `constructor` keys refused). Every other body, `text/plain` included, and a body sent without
 * a Content-Type, is answered 415 by Fastify; {@link unsupportedMediaType} words it. Plugins may
 * still add their own types (the CSV import adds `text/csv`).
 *
 * @example
 * acceptJsonBodiesOnly(app);
 */
export function acceptJsonBodiesOnly(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const contentType = String(request.headers['content-type'] ?? '');
    const charset = charsetOf(contentType);
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
      done(unsupportedMediaType(contentType), undefined);
      return;
    }
    let text: string;
    try {
      text = decodeUtf8Body(body as Buffer);
    } catch (error) {
      done(error as DomainError, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
