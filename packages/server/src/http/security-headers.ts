import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false` on routes whose answers are not pages or documents (the event stream): they get
     * none of the security headers, which would stay in memory for the life of every stream.
     */
    securityHeaders?: false;
  }
}

/** Helmet's settings for the API: everything on except the page CSP (Swagger UI sets its own). */
export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  // Widgets and the embed script are read cross-origin; CORS decides who may read what.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  contentSecurityPolicy: false,
};

/**
 * The headers helmet sets for `options`, computed once. Helmet's headers do not depend on the
 * request, so answering with a frozen copy gives every response the same headers as running
 * helmet on it would, without building its middleware and validating each header per request.
 *
 * @example
 * const headers = securityHeaders(SECURITY_HEADER_OPTIONS);
 * headers['x-content-type-options']; // 'nosniff'
 */
export function securityHeaders(
  options: HelmetOptions = SECURITY_HEADER_OPTIONS,
): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return Object.freeze(headers);
}
