// The partner back end: node:http and the SDK, as a partner's web team might write it. It signs
// its own users in (a session cookie), mints community tokens for them (single sign-on) that the
// partner site's widgets ask for, receives the community's webhooks and verifies each one, and
// exports the region's pain points to CSV.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WscClient, WscError } from '@wsc/sdk';
import { WebhookVerificationError, webhooks } from '@wsc/sdk/node';
import { CountryCodeError, exportPainPoints, parseCountries } from './src/export.mjs';
import { DEFAULT_COUNTRIES } from './src/export-command.mjs';
import {
  chooseLanguage,
  LANGUAGE_COOKIE,
  languageCookie,
  languageLinks,
  translator,
} from './src/language.mjs';
import { errorPage, homePage, signInPage, signOutPage } from './src/pages.mjs';
import { KEPT_DELIVERIES, receivedWebhooks } from './src/received-webhooks.mjs';
import { loadUsers } from './src/users.mjs';
import { registerWebhookEndpoint } from './src/webhook-endpoint.mjs';

export const DEFAULT_PORT = 5175;
export const DEFAULT_API_URL = 'http://localhost:8787';
export const DEFAULT_SITE_URL = 'http://localhost:5173';
export const DEFAULT_DATA_DIRECTORY = fileURLToPath(new URL('../../.data/partner-backend/', import.meta.url));

const SESSION_COOKIE = 'partner_session';
const SESSION_SECONDS = 8 * 60 * 60;
/** Community tokens live 15 minutes; one is handed out again until a minute before it ends. */
const TOKEN_SECONDS = 15 * 60;
const TOKEN_MARGIN_MILLISECONDS = 60_000;
const MAX_BODY_BYTES = 1024 * 1024;
const STYLE_SHEET = new URL('./public/backend.css', import.meta.url);

/**
 * @typedef {object} PartnerBackendOptions
 * @property {number} [port] 0 for any free port (tests); default 5175.
 * @property {string} [host] default 127.0.0.1.
 * @property {string} [apiUrl] the community API; default http://localhost:8787.
 * @property {string} [secretKey] the partner's `sk_…` (scopes sso and webhooks at least).
 * @property {string} [siteUrl] the partner site whose pages ask for tokens; default http://localhost:5173.
 * @property {string} [publicUrl] this back end's URL as the community and browsers reach it; default http://localhost:<port>.
 * @property {string} [dataDirectory] where the webhook secret is kept; default .data/partner-backend/ of the repository.
 * @property {string | URL} [usersFile] the users list; default data/users.json.
 * @property {string[]} [countries] the region the export covers; default CH, FR.
 * @property {string} [partnerName] shown on the pages; default IEC.
 * @property {(message: string) => void} [onError] where background errors go (webhook registration); default stderr.
 */

/**
 * @typedef {object} PartnerBackend
 * @property {import('node:http').Server} server
 * @property {string} url the back end's public URL.
 * @property {Promise<import('./src/webhook-endpoint.mjs').RegisteredEndpoint | undefined>} webhookEndpoint
 *   settles once the endpoint is registered (undefined without a secret key or when it failed).
 * @property {() => readonly import('./src/received-webhooks.mjs').ReceivedWebhook[]} received
 * @property {() => Promise<void>} close
 */

/** @param {string | undefined} header @returns {Record<string, string>} */
function parseCookies(header) {
  /** @type {Record<string, string>} */
  const cookies = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return cookies;
}

/** @param {import('node:http').IncomingMessage} request @returns {Promise<Buffer>} */
async function readBody(request) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('The body is too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Starts the back end and, in the background, registers its webhook endpoint. Rejects with the
 * listen error (`EADDRINUSE`…) when it cannot listen.
 *
 * @param {PartnerBackendOptions} [options]
 * @returns {Promise<PartnerBackend>}
 * @example
 * const backend = await startPartnerBackend({ port: 0, apiUrl, secretKey: 'sk_live_…', siteUrl });
 * console.log(backend.url);
 * await backend.close();
 */
export async function startPartnerBackend(options = {}) {
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host || '127.0.0.1';
  const partnerName = options.partnerName || 'IEC';
  const siteOrigin = new URL(options.siteUrl || DEFAULT_SITE_URL).origin;
  const siteUrl = (options.siteUrl || DEFAULT_SITE_URL).replace(/\/+$/, '');
  const countries = options.countries ?? DEFAULT_COUNTRIES;
  const dataDirectory = resolve(options.dataDirectory || DEFAULT_DATA_DIRECTORY);
  const onError = options.onError ?? ((message) => process.stderr.write(`${message}\n`));
  const users = await loadUsers(options.usersFile);
  const styleSheet = await readFile(STYLE_SHEET);
  const client = new WscClient({
    baseURL: (options.apiUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
    secretKey: options.secretKey || undefined,
  });
  const received = receivedWebhooks();
  /** @type {Map<string, { userId: string, expiresAt: number }>} */
  const sessions = new Map();
  /** @type {Map<string, import('@wsc/models/partner').SsoToken>} */
  const communityTokens = new Map();
  /** @type {Map<string, Promise<import('@wsc/models/partner').SsoToken>>} */
  const mintingTokens = new Map();
  /** @type {string | undefined} */
  let webhookSecret;
  /** Shown on the home page in its reader's language. @type {(t: import('./src/language.mjs').Translator) => string} */
  let webhookStatus = (t) => t.text(options.secretKey ? 'webhooks.registering' : 'webhooks.noKey');
  let url = '';
  let secureCookie = false;

  /** @param {string | undefined | null} value the `return` parameter: only the site's pages and ours. */
  function allowedReturn(value) {
    if (!value) return '/';
    try {
      const target = new URL(value, url);
      if (target.origin === siteOrigin || target.origin === new URL(url).origin) return target.href;
    } catch {}
    return '/';
  }

  /** @param {import('node:http').IncomingMessage} request */
  function signedInUser(request) {
    const id = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    const session = id ? sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    if (session.expiresAt <= Date.now()) {
      sessions.delete(id);
      return undefined;
    }
    return users.get(session.userId);
  }

  /**
   * The user's community token: minted through the SDK, then handed out again until a minute
   * before it expires; one request in flight per user, however many widgets ask at once.
   *
   * @param {import('./src/users.mjs').PartnerUser} user
   * @returns {Promise<import('@wsc/models/partner').SsoToken>}
   */
  async function communityToken(user) {
    const cached = communityTokens.get(user.id);
    if (cached && Date.parse(cached.expiresAt) - TOKEN_MARGIN_MILLISECONDS > Date.now()) return cached;
    let pending = mintingTokens.get(user.id);
    if (!pending) {
      pending = client.sso.tokens
        .create({
          externalUserId: user.id,
          email: user.email,
          displayName: user.displayName,
          role: user.role,
          country: user.country ?? null,
          city: user.city ?? null,
          language: user.language,
          ttlSeconds: TOKEN_SECONDS,
        })
        .then((token) => {
          communityTokens.set(user.id, token);
          return token;
        })
        .finally(() => mintingTokens.delete(user.id));
      mintingTokens.set(user.id, pending);
    }
    return pending;
  }

  /**
   * The language a page is written in, and what writes it. A form's answer is in the language of
   * the form (its hidden `lang`); a `?lang=` in the address is the switcher: remembered.
   *
   * @param {import('node:http').IncomingMessage} request
   * @param {URL} address
   * @param {URLSearchParams} [form]
   */
  function pageContext(request, address, form) {
    const { language, remember } = chooseLanguage({
      asked: form?.get('lang') ?? address.searchParams.get('lang'),
      returnTo: form?.get('return') ?? address.searchParams.get('return'),
      cookie: parseCookies(request.headers.cookie)[LANGUAGE_COOKIE],
      acceptLanguage: request.headers['accept-language'],
    });
    // The switcher on a form's answer (a refused sign-in) keeps where the form was to return to.
    const linked = new URL(address);
    const formReturn = form?.get('return');
    if (formReturn) linked.searchParams.set('return', formReturn);
    return {
      partnerName,
      t: translator(language),
      languages: languageLinks(linked, language),
      remember: remember && !form,
    };
  }

  /** @type {Record<string, string>} */
  const pageHeaders = {
    'content-type': 'text/html; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
  };

  /**
   * @param {import('node:http').ServerResponse} response
   * @param {number} status
   * @param {ReturnType<typeof pageContext>} context
   * @param {(context: ReturnType<typeof pageContext>) => string} page
   */
  function sendPage(response, status, context, page) {
    // The sign-in form redirects to the site: Chromium holds form-action to the redirect's target too.
    const policy = `default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' ${siteOrigin}; base-uri 'none'; frame-ancestors 'none'`;
    /** @type {Record<string, string>} */
    const headers = {
      ...pageHeaders,
      'content-security-policy': policy,
      'content-language': context.t.language,
      vary: 'accept-language, cookie',
    };
    if (context.remember) headers['set-cookie'] = languageCookie(context.t.language, secureCookie);
    response.writeHead(status, headers);
    response.end(page(context));
  }

  /**
   * @param {import('node:http').ServerResponse} response
   * @param {number} status
   * @param {unknown} body
   * @param {Record<string, string>} [headers]
   */
  function sendJson(response, status, body, headers = {}) {
    response.writeHead(status, {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    });
    response.end(JSON.stringify(body));
  }

  /** @param {import('node:http').IncomingMessage} request */
  function corsHeaders(request) {
    if (request.headers.origin !== siteOrigin)
      return /** @type {Record<string, string>} */ ({ vary: 'origin' });
    return {
      'access-control-allow-origin': siteOrigin,
      'access-control-allow-credentials': 'true',
      vary: 'origin',
    };
  }

  /** @type {Record<string, (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, address: URL) => Promise<void> | void>} */
  const routes = {
    'GET /': (request, response, address) => {
      sendPage(response, 200, pageContext(request, address), (context) =>
        homePage({
          ...context,
          user: signedInUser(request),
          received: received.recent(),
          kept: KEPT_DELIVERIES,
          countries,
          webhookStatus: webhookStatus(context.t),
          siteUrl,
        }),
      );
    },
    'GET /backend.css': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(styleSheet);
    },
    'GET /sign-in': (request, response, address) => {
      const returnTo = allowedReturn(address.searchParams.get('return'));
      sendPage(response, 200, pageContext(request, address), (context) =>
        signInPage({ ...context, returnTo }),
      );
    },
    'POST /sign-in': async (request, response, address) => {
      const form = new URLSearchParams((await readBody(request)).toString('utf8'));
      const returnTo = allowedReturn(form.get('return'));
      const username = form.get('username') ?? '';
      const user = await users.authenticate(username, form.get('password') ?? '');
      if (!user) {
        sendPage(response, 401, pageContext(request, address, form), (context) =>
          signInPage({ ...context, returnTo, username, error: true }),
        );
        return;
      }
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { userId: user.id, expiresAt: Date.now() + SESSION_SECONDS * 1000 });
      const cookie = `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_SECONDS}${secureCookie ? '; Secure' : ''}`;
      response.writeHead(303, { location: returnTo, 'set-cookie': cookie, 'cache-control': 'no-store' });
      response.end();
    },
    'GET /sign-out': (request, response, address) => {
      const returnTo = allowedReturn(address.searchParams.get('return'));
      sendPage(response, 200, pageContext(request, address), (context) =>
        signOutPage({ ...context, returnTo, user: signedInUser(request) }),
      );
    },
    'POST /sign-out': async (request, response) => {
      const form = new URLSearchParams((await readBody(request)).toString('utf8'));
      const id = parseCookies(request.headers.cookie)[SESSION_COOKIE];
      if (id) sessions.delete(id);
      response.writeHead(303, {
        location: allowedReturn(form.get('return')),
        'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
        'cache-control': 'no-store',
      });
      response.end();
    },
    // Who is signed in, for the site's pages: 200 either way, so a signed-out visitor's page
    // logs no failed request (Chromium prints every 4xx in the console).
    'GET /session': (request, response) => {
      const user = signedInUser(request);
      sendJson(
        response,
        200,
        { user: user ? { displayName: user.displayName, language: user.language } : null },
        corsHeaders(request),
      );
    },
    'OPTIONS /community-token': (request, response) => {
      response.writeHead(204, { ...corsHeaders(request), 'access-control-allow-methods': 'GET' });
      response.end();
    },
    'GET /community-token': async (request, response) => {
      const cors = corsHeaders(request);
      const user = signedInUser(request);
      if (!user) {
        sendJson(
          response,
          401,
          { title: 'Not signed in', status: 401, detail: `Sign in at ${url}/sign-in first.` },
          cors,
        );
        return;
      }
      if (!options.secretKey) {
        sendJson(
          response,
          503,
          { title: 'No community connection', status: 503, detail: 'WSC_SECRET_KEY is not set.' },
          cors,
        );
        return;
      }
      const { token, expiresAt } = await communityToken(user);
      sendJson(
        response,
        200,
        { token, expiresAt, user: { displayName: user.displayName, language: user.language } },
        cors,
      );
    },
    'POST /webhooks': async (request, response) => {
      const body = await readBody(request);
      if (!webhookSecret) {
        // Not registered yet: the platform tries again later.
        sendJson(response, 503, {
          title: 'Not ready',
          status: 503,
          detail: 'The endpoint is being registered.',
        });
        return;
      }
      try {
        received.add(webhooks.verify(body, request.headers, webhookSecret));
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        sendJson(response, 400, { title: 'Webhook refused', status: 400, detail: error.message });
        return;
      }
      response.writeHead(204).end();
    },
    'GET /webhooks/recent': (_request, response) => {
      const data = received.recent().map(({ id, type, createdAt, receivedAt, summary }) => ({
        id,
        type,
        createdAt,
        receivedAt,
        summary,
      }));
      sendJson(response, 200, { data });
    },
    'GET /export.csv': async (request, response, address) => {
      if (!signedInUser(request)) {
        response.writeHead(303, {
          location: `/sign-in?return=${encodeURIComponent(address.pathname + address.search)}`,
        });
        response.end();
        return;
      }
      let chosen;
      try {
        const asked = address.searchParams.getAll('country');
        chosen = parseCountries(asked.length > 0 ? asked : countries);
      } catch (error) {
        if (!(error instanceof CountryCodeError)) throw error;
        const { value } = error;
        sendPage(response, 400, pageContext(request, address), (context) =>
          errorPage({
            ...context,
            title: context.t.text('error.countriesTitle'),
            detail: context.t.text('error.badCountry', { value }),
          }),
        );
        return;
      }
      // Counted before the first byte: an API that is down is a clear 502, not a broken download.
      const { chunks } = await exportPainPoints(client, { countries: chosen });
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="pain-points-${chosen.join('-')}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      // A page that fails half-way ends the download with an error, never a silently short file.
      Readable.from(chunks)
        .on('error', () => response.destroy())
        .pipe(response);
    },
  };

  const server = createServer(async (request, response) => {
    const address = new URL(request.url ?? '/', 'http://backend');
    const route = routes[`${request.method} ${address.pathname}`];
    try {
      if (!route) {
        const known = Object.keys(routes).some((key) => key.endsWith(` ${address.pathname}`));
        sendPage(response, known ? 405 : 404, pageContext(request, address), (context) =>
          errorPage({
            ...context,
            title: context.t.text(known ? 'error.methodNotAllowed' : 'error.notFound'),
            detail: context.t.text('error.nothingAnswers', {
              method: request.method ?? '',
              path: address.pathname,
            }),
          }),
        );
        return;
      }
      await route(request, response, address);
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const status = /** @type {{ status?: number }} */ (error).status === 413 ? 413 : 502;
      /** @param {import('./src/language.mjs').Translator} t */
      const detail = (t) =>
        error instanceof WscError
          ? t.text('error.community', { message: error.message })
          : t.text(status === 413 ? 'error.tooLarge' : 'error.backend');
      if (status === 502 && !(error instanceof WscError)) onError(`partner back end: ${String(error)}`);
      if (address.pathname === '/community-token' || address.pathname.startsWith('/webhooks'))
        sendJson(
          response,
          status,
          { title: 'Failed', status, detail: detail(translator('en')) },
          address.pathname === '/community-token' ? corsHeaders(request) : {},
        );
      else
        sendPage(response, status, pageContext(request, address), (context) =>
          errorPage({ ...context, title: context.t.text('error.failed'), detail: detail(context.t) }),
        );
    }
  });

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise(undefined);
    });
  });
  const listening = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  url = (options.publicUrl || `http://${shownHost}:${listening.port}`).replace(/\/+$/, '');
  secureCookie = url.startsWith('https:');

  let closed = false;
  /** Registers the endpoint, waiting for an API that is still starting (network errors) up to a minute. */
  async function register() {
    if (!options.secretKey) return undefined;
    for (let attempt = 1; !closed; attempt += 1) {
      try {
        const endpoint = await registerWebhookEndpoint(client, { url: `${url}/webhooks`, dataDirectory });
        webhookSecret = endpoint.secret;
        webhookStatus = (t) => t.text('webhooks.registered', { url: endpoint.url });
        return endpoint;
      } catch (error) {
        const network = error instanceof WscError && error.status === 0;
        if (!network || attempt === 30) {
          const reason = error instanceof Error ? error.message : String(error);
          webhookStatus = (t) => t.text('webhooks.notRegistered', { reason });
          onError(`partner back end: ${webhookStatus(translator('en'))}`);
          return undefined;
        }
        await new Promise((wake) => setTimeout(wake, 2000));
      }
    }
    return undefined;
  }

  return {
    server,
    url,
    webhookEndpoint: register(),
    received: () => received.recent(),
    close: () => {
      closed = true;
      server.closeAllConnections();
      return new Promise((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}

/** `npm start`: reads the environment, serves, stays in the foreground until Ctrl-C. */
async function main() {
  const port = Number(process.env.PARTNER_BACKEND_PORT || DEFAULT_PORT);
  let backend;
  try {
    backend = await startPartnerBackend({
      port,
      host: process.env.HOST,
      apiUrl: process.env.WSC_API_URL,
      secretKey: process.env.WSC_SECRET_KEY,
      siteUrl: process.env.PARTNER_SITE_URL,
      publicUrl: process.env.PARTNER_BACKEND_URL,
      dataDirectory: process.env.PARTNER_BACKEND_DATA,
      countries: process.env.PARTNER_BACKEND_COUNTRIES
        ? parseCountries(process.env.PARTNER_BACKEND_COUNTRIES)
        : undefined,
    });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `port ${port} is in use: set PARTNER_BACKEND_PORT\n`
        : `partner back end failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`Partner back end: ${backend.url}\n`);
  if (!process.env.WSC_SECRET_KEY)
    process.stderr.write(
      'partner back end: WSC_SECRET_KEY is not set: no community sign-in and no webhooks (create one with `npm run cli -- keys create --partner <id> --kind secret --scope sso --scope webhooks`, API stopped)\n',
    );
  const stop = () => backend.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
