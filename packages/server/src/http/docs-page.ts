import type { FastifyRequest, onSendHookHandler, preSerializationHookHandler, RouteOptions } from 'fastify';

/** The document Swagger UI loads, relative to the page: `/docs/json`. */
const DOCS_DOCUMENT_URL = '/docs/json';

/**
 * Makes "Try it out" on `/docs` work at whatever address the page was opened at
 * (`http://localhost:8787/docs`, `http://127.0.0.1:8787/docs`, a LAN name): the page's
 * Content-Security-Policy lets it call its own origin (`'self'`, which the browser takes from the
 * page's address, so nothing is read from the Host header) and the public URL, and the document
 * the page loads lists its own origin (`/`, resolved against the page) before the public URL.
 * Without this the page could only call the one host of `WSC_PUBLIC_URL`, and from any other
 * address its signed-in calls were refused (CSP, then CORS). `/openapi.json` is left as it is.
 * For an `onRoute` hook: it changes only the routes under `/docs`.
 *
 * @example
 * app.addHook('onRoute', (route) => serveDocsFromPageOrigin(route, { publicUrl: 'http://localhost:8787' }));
 */
export function serveDocsFromPageOrigin(route: RouteOptions, options: { publicUrl: string }): void {
  if (route.url !== '/docs' && !route.url.startsWith('/docs/')) return;
  const publicOrigin = new URL(options.publicUrl).origin;
  const allowOwnOrigin: onSendHookHandler = (request, reply, payload, done) => {
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy === 'string') {
      reply.header('content-security-policy', docsContentSecurityPolicy(policy, publicOrigin, request));
    }
    done(null, payload);
  };
  // Route-level steps run after the Swagger UI plugin's own, which sets the policy.
  route.onSend = [...(route.onSend ? [route.onSend].flat() : []), allowOwnOrigin];
  if (route.url === DOCS_DOCUMENT_URL) {
    const listOwnOriginFirst: preSerializationHookHandler<unknown> = (_request, _reply, payload, done) => {
      done(null, withPageOriginServer(payload));
    };
    route.preSerialization = [
      ...(route.preSerialization ? [route.preSerialization].flat() : []),
      listOwnOriginFirst,
    ];
  }
}

/**
 * The docs page's policy: `connect-src 'self'` plus the public origin; `upgrade-insecure-requests`
 * only on a page served over https (on a plain-http local server it would send every call to an
 * https port that is not there).
 */
function docsContentSecurityPolicy(policy: string, publicOrigin: string, request: FastifyRequest): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !directive.startsWith('connect-src'))
    .filter((directive) => request.protocol === 'https' || directive !== 'upgrade-insecure-requests');
  directives.push(`connect-src 'self' ${publicOrigin}`);
  return `${directives.join('; ')};`;
}

/** A copy of the document whose first server is the page's own origin (`/`). */
function withPageOriginServer(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object') return payload;
  const document = payload as { servers?: { url: string; description?: string }[] };
  const servers = (document.servers ?? []).filter((server) => server.url !== '/');
  return {
    ...document,
    servers: [{ url: '/', description: 'This server, at the address this page was opened at' }, ...servers],
  };
}
