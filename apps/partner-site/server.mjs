// The partner site's static server: node:http and nothing else, as a standards body's web team
// might run it. It serves public/, fills the HTML's placeholders (the API's URL, the partner's
// publishable key, the event) and sends a strict Content-Security-Policy built from the API origin.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_PORT = 5173;
export const DEFAULT_API_URL = 'http://localhost:8787';
export const DEFAULT_EVENT = 'world-smart-city-forum-2016';
export const DEFAULT_BACKEND_URL = 'http://localhost:5175';

const PUBLIC_DIRECTORY = fileURLToPath(new URL('./public/', import.meta.url));

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** @param {string} value */
function escapeAttribute(value) {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The site's policy: its own scripts and styles, the community's embed script and chunks, requests
 * to the community API and to the partner's own back end (who is signed in, their community
 * token) only. No inline script or style anywhere, no forms posting, no framing.
 *
 * @param {string} apiOrigin
 * @param {string} [backendOrigin] the partner back end's origin; none: the site has no sign-in.
 * @example
 * contentSecurityPolicy('http://localhost:8787', 'http://localhost:5175');
 * // "default-src 'self'; script-src 'self' http://localhost:8787; connect-src http://localhost:8787 http://localhost:5175; …"
 */
export function contentSecurityPolicy(apiOrigin, backendOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${apiOrigin}`,
    `connect-src ${apiOrigin}${backendOrigin ? ` ${backendOrigin}` : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Resolves a request path to a file of public/, or undefined when it points outside.
 * @param {string} pathname
 */
function publicFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  // join() resolves `..`: anything that climbed out of public/ no longer starts with it.
  const file = join(PUBLIC_DIRECTORY, relative);
  return file.startsWith(PUBLIC_DIRECTORY) ? file : undefined;
}

/**
 * @typedef {object} PartnerSiteOptions
 * @property {number} [port] 0 for any free port (tests); default 5173.
 * @property {string} [host] default 127.0.0.1.
 * @property {string} [apiUrl] the community API (and embed script) URL; default http://localhost:8787.
 * @property {string} [publishableKey] the partner's `pk_…`, bound to this site's origin.
 * @property {string} [event] the slug of the event the page announces.
 * @property {string | null} [backendUrl] the partner back end that signs the site's readers in
 *   (`Sign in with IEC`); default http://localhost:5175; `null` or '': no sign-in on the pages.
 */

/**
 * @typedef {object} PartnerSite
 * @property {import('node:http').Server} server
 * @property {string} url the site's URL, as a reader opens it.
 * @property {() => Promise<void>} close
 */

/**
 * Starts the site's server; rejects with the listen error (`EADDRINUSE`…) when it cannot.
 *
 * @param {PartnerSiteOptions} [options]
 * @returns {Promise<PartnerSite>}
 * @example
 * const site = await startPartnerSite({ port: 0, apiUrl: 'http://localhost:8787', publishableKey: 'pk_live_…' });
 * console.log(site.url);
 * await site.close();
 */
export async function startPartnerSite(options = {}) {
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host || '127.0.0.1';
  const apiUrl = (options.apiUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  const apiOrigin = new URL(apiUrl).origin;
  const backendUrl = (
    options.backendUrl === undefined ? DEFAULT_BACKEND_URL : (options.backendUrl ?? '')
  ).replace(/\/+$/, '');
  const csp = contentSecurityPolicy(apiOrigin, backendUrl ? new URL(backendUrl).origin : undefined);
  /** @type {Record<string, string>} */
  const placeholders = {
    '%WSC_API_URL%': escapeAttribute(apiUrl),
    '%WSC_PUBLISHABLE_KEY%': escapeAttribute(options.publishableKey ?? ''),
    '%WSC_EVENT%': escapeAttribute(options.event || DEFAULT_EVENT),
    '%PARTNER_BACKEND_URL%': escapeAttribute(backendUrl),
  };

  const server = createServer(async (request, response) => {
    const headers = {
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': 'no-cache',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://site').pathname;
    const file = publicFile(pathname);
    const type = file && CONTENT_TYPES[/** @type {keyof CONTENT_TYPES} */ (extname(file))];
    let body;
    try {
      body = file && type ? await readFile(file) : undefined;
    } catch {
      body = undefined;
    }
    if (!body || !type) {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found\n');
      return;
    }
    const content = type.startsWith('text/html')
      ? body.toString('utf8').replace(/%(?:WSC|PARTNER)_[A-Z_]+%/g, (name) => placeholders[name] ?? name)
      : body;
    response.writeHead(200, { ...headers, 'content-type': type });
    response.end(request.method === 'HEAD' ? undefined : content);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `npm start`: reads the environment, serves, stays in the foreground until Ctrl-C. */
async function main() {
  const port = Number(process.env.PARTNER_SITE_PORT || DEFAULT_PORT);
  const publishableKey = process.env.WSC_PUBLISHABLE_KEY ?? '';
  let site;
  try {
    site = await startPartnerSite({
      port,
      host: process.env.HOST,
      apiUrl: process.env.WSC_API_URL,
      publishableKey,
      event: process.env.PARTNER_SITE_EVENT,
      backendUrl: process.env.PARTNER_BACKEND_URL,
    });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `port ${port} is in use: set PARTNER_SITE_PORT\n`
        : `partner site failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`Partner site (IEC sample) on ${site.url} (themed: ${site.url}/themed.html)\n`);
  if (!publishableKey)
    process.stdout.write(
      `  No WSC_PUBLISHABLE_KEY (widgets read without it; voting, reporting and registering need it): create one with \`npm run cli -- partners create --name "IEC site" --origin ${site.url}\` (API stopped), then start with WSC_PUBLISHABLE_KEY=pk_…\n`,
    );
  const stop = () => site.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
