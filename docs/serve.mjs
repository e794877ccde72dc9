// The documentation site's static server (`npm start` in docs/): node:http serving the VitePress
// build (.vitepress/dist) with clean URLs, and filling the placeholders of every page's
// <meta name="wsc-api-url"> and <meta name="wsc-publishable-key"> from its environment, so one build
// shows the live widgets against whichever API serves them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NOT_BUILT, notBuiltLanguage, notBuiltPage } from './not-built.mjs';

export const DEFAULT_PORT = 5176;
export const DEFAULT_API_URL = 'http://localhost:8787';
export const DEFAULT_DIRECTORY = fileURLToPath(new URL('./.vitepress/dist/', import.meta.url));

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/** @param {string} value */
function escapeAttribute(value) {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The file a request path names, trying VitePress' clean URLs (`/guide` → `guide.html`,
 * `/http/` → `http/index.html`); undefined when none exists or the path leaves the folder.
 * @param {string} directory
 * @param {string} pathname
 */
async function resolveFile(directory, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const candidates = decoded.endsWith('/')
    ? [`${decoded}index.html`]
    : extname(decoded)
      ? [decoded]
      : [`${decoded}.html`, `${decoded}/index.html`];
  for (const candidate of candidates) {
    // join() resolves `..`: anything that climbed out of the folder no longer starts with it.
    const file = join(directory, candidate);
    if (!file.startsWith(directory)) return undefined;
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/**
 * @typedef {object} DocsServerOptions
 * @property {number} [port] 0 for any free port (tests); default 5176.
 * @property {string} [host] default 127.0.0.1.
 * @property {string} [apiUrl] the community API the live widgets use; default http://localhost:8787.
 * @property {string} [publishableKey] a `pk_…` bound to this site's origin (reading works without one).
 * @property {string} [directory] the built site; default .vitepress/dist.
 * @property {() => import('./not-built.mjs').BuildState} [buildState] whether a build is under way
 *   while the site is not built (what the page says then); default 'missing'.
 */

/**
 * @typedef {object} DocsServer
 * @property {import('node:http').Server} server
 * @property {string} url the site's URL, as a reader opens it.
 * @property {() => Promise<void>} close
 */

export { NOT_BUILT };

/**
 * Serves the built documentation (a page saying it is not built while the folder has no site);
 * rejects with the listen error (`EADDRINUSE`…) when it cannot listen.
 *
 * @param {DocsServerOptions} [options]
 * @returns {Promise<DocsServer>}
 * @example
 * const docs = await startDocsServer({ port: 0, apiUrl: 'http://localhost:8787' });
 * console.log(docs.url);
 * await docs.close();
 */
export async function startDocsServer(options = {}) {
  const directory = join(options.directory ?? DEFAULT_DIRECTORY, '/');
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host || '127.0.0.1';
  /** @type {Record<string, string>} */
  const placeholders = {
    '%WSC_API_URL%': escapeAttribute((options.apiUrl || DEFAULT_API_URL).replace(/\/+$/, '')),
    '%WSC_PUBLISHABLE_KEY%': escapeAttribute(options.publishableKey ?? ''),
  };

  const server = createServer(async (request, response) => {
    const headers = {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    if (!existsSync(join(directory, 'index.html'))) {
      // Not built (yet): a page that says so, and reloads while a build runs.
      const state = options.buildState?.() ?? 'missing';
      const language = notBuiltLanguage(
        new URL(request.url ?? '/', 'http://docs').pathname,
        request.headers['accept-language'],
      );
      response.writeHead(503, {
        ...headers,
        'content-type': 'text/html; charset=utf-8',
        'retry-after': '10',
        'content-language': language,
        vary: 'accept-language',
      });
      response.end(request.method === 'HEAD' ? undefined : notBuiltPage(state, language));
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://docs').pathname;
    let file = await resolveFile(directory, pathname);
    let status = 200;
    if (!file) {
      status = 404;
      file = join(directory, '404.html');
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    let body;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const content = type.startsWith('text/html')
      ? body.toString('utf8').replace(/%WSC_[A-Z_]+%/g, (name) => placeholders[name] ?? name)
      : body;
    // Hashed assets never change; pages and the search index do with every build.
    const cacheControl = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': cacheControl });
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
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Builds the site in the background (`npm run docs` from the repository root) when `npm start`
 * finds it missing, as on a fresh clone; its output is kept and shown only if it fails.
 * @param {string} directory
 */
function buildWhenMissing(directory) {
  const state = {
    /** @type {import('./not-built.mjs').BuildState} */
    phase: 'missing',
    child: /** @type {import('node:child_process').ChildProcess | undefined} */ (undefined),
    stopped: false,
  };
  // Only the site's own output folder is what `npm run docs` fills.
  const own = join(directory, '/') === join(DEFAULT_DIRECTORY, '/');
  // CI builds the site itself (`npm run docs`), after tests that start `npm start` many times.
  const wanted = process.env.DOCS_BUILD_ON_START !== 'off' && !process.env.CI;
  if (!own || !wanted || existsSync(join(directory, 'index.html'))) return state;
  state.phase = 'building';
  const repository = fileURLToPath(new URL('..', import.meta.url));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Its own process group, so that stopping it stops turbo and the build under npm too.
  const child = spawn(npm, ['run', 'docs', '--silent'], {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  child.on('exit', (code, signal) => {
    state.child = undefined;
    if (code === 0 || signal || state.stopped) return;
    state.phase = 'missing';
    process.stderr.write(
      `${output}\ndocumentation build failed (exit code ${code}): run \`npm run docs\` to see why\n`,
    );
  });
  state.child = child;
  return state;
}

/** @param {ReturnType<typeof buildWhenMissing>} build */
function stopBuild(build) {
  build.stopped = true;
  const child = build.child;
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** `npm start`: reads the environment, serves, stays in the foreground until Ctrl-C. */
async function main() {
  const port = Number(process.env.DOCS_PORT || DEFAULT_PORT);
  const directory = process.env.DOCS_DIRECTORY || DEFAULT_DIRECTORY;
  /** @type {ReturnType<typeof buildWhenMissing>} */
  let build = { phase: /** @type {const} */ ('missing'), child: undefined, stopped: false };
  let docs;
  try {
    docs = await startDocsServer({
      port,
      host: process.env.HOST,
      apiUrl: process.env.WSC_API_URL,
      publishableKey: process.env.WSC_PUBLISHABLE_KEY,
      directory,
      buildState: () => build.phase,
    });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `port ${port} is in use: set DOCS_PORT\n`
        : `documentation site failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  // Once listening (a port in use starts nothing): a fresh clone builds the site in the background.
  build = buildWhenMissing(directory);
  process.stdout.write(`Documentation: ${docs.url}\n`);
  const stop = () => {
    stopBuild(build);
    return docs.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
