import type { FastifyServerOptions } from 'fastify';

/** Paths pino blanks out wherever they appear in a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-wsc-publishable-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'token',
  'key',
  '*.password',
  '*.token',
  '*.key',
  '*.authorization',
];

/**
 * Fastify logger options: pino JSON lines, secrets redacted, request lines without query keys.
 *
 * @example
 * Fastify({ logger: loggerOptions('info') });
 */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req(request) {
        return {
          method: request.method,
          url: redactQuery(request.url),
          remoteAddress: request.ip,
        };
      },
    },
  };
}

/**
 * Hides credential-like query parameters (`?key=`, `?token=`) in a URL for logs.
 *
 * @example
 * redactQuery('/v1/stream?key=pk_live_x&topics=a'); // '/v1/stream?key=[redacted]&topics=a'
 */
export function redactQuery(url: string): string {
  return url.replace(/([?&](?:key|token|access_token)=)[^&#]*/gi, '$1[redacted]');
}
