#!/usr/bin/env node
// `npm start`: builds what the apps run (JavaScript only, cached by Turborepo), starts a local mail
// catcher unless WSC_SMTP_URL names a mail server, starts the community API on PGlite (or
// DATABASE_URL) sending its mail there, gets the sample partner's keys from it, starts the sample apps on
// their own origins with those keys, prints every URL, and stays in the foreground. Quiet: a
// child's error output goes through; everything else is kept and shown only when something fails.
// Ctrl-C (or SIGTERM) stops the apps, then the API, and exits 0.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const host = env.HOST || '127.0.0.1';
const shownHost = ['127.0.0.1', '0.0.0.0', '::'].includes(host) ? 'localhost' : host;
const dataDirectory = resolve(root, env.WSC_DATA_DIR || '.data');
const STOP_GRACE_MILLISECONDS = 10_000;

/**
 * Every process `npm start` runs, in start order: its port variable, and the variable that tells
 * the other apps its URL.
 */
const API = { name: 'API', variable: 'PORT', port: Number(env.PORT || 8787), dir: 'apps/api' };
const APPS = [
  {
    name: 'Partner site',
    variable: 'PARTNER_SITE_PORT',
    port: 5173,
    dir: 'apps/partner-site',
    urlVariable: 'PARTNER_SITE_URL',
  },
  {
    name: 'React portal',
    variable: 'REACT_PORTAL_PORT',
    port: 5174,
    dir: 'apps/react-portal',
    urlVariable: 'REACT_PORTAL_URL',
  },
  {
    name: 'Partner back end',
    variable: 'PARTNER_BACKEND_PORT',
    port: 5175,
    dir: 'apps/partner-backend',
    urlVariable: 'PARTNER_BACKEND_URL',
  },
  { name: 'Documentation', variable: 'DOCS_PORT', port: 5176, dir: 'docs', urlVariable: 'DOCS_URL' },
]
  .filter((app) => existsSync(join(root, app.dir, 'package.json')))
  .map((app) => ({ ...app, port: Number(env[app.variable] || app.port) }));

/**
 * The inbox every mail goes to when no WSC_SMTP_URL is set: its web page on `port`, its SMTP
 * server on `smtpPort`.
 */
const MAIL_CATCHER =
  !env.WSC_SMTP_URL && existsSync(join(root, 'apps/mail-catcher/package.json'))
    ? {
        name: 'Mail catcher',
        variable: 'MAIL_CATCHER_PORT',
        port: Number(env.MAIL_CATCHER_PORT || 1080),
        smtpVariable: 'MAIL_CATCHER_SMTP_PORT',
        smtpPort: Number(env.MAIL_CATCHER_SMTP_PORT || 1025),
        dir: 'apps/mail-catcher',
      }
    : undefined;

const urlOf = (app) => `http://${shownHost}:${app.port}`;
/** The partner site, whose page is the sample partner's account page. */
const partnerSite = APPS.find((app) => app.dir === 'apps/partner-site');
const children = new Set();
/** The API's and the mail catcher's processes, stopped after the apps that use them. */
let apiChild;
let catcherChild;
/** Children being stopped on purpose: their exit is no failure. */
const retiring = new WeakSet();
let stopping = false;

/** Ends with one line and exit code 1, stopping whatever already runs. */
function fail(message, output = '') {
  if (stopping) return;
  if (output.trim()) process.stderr.write(`${output.trimEnd()}\n`);
  process.stderr.write(`${message}\n`);
  stop(1);
}

/** Resolves when nothing listens on the port yet (checked before anything is built or started). */
function portIsFree(port) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(port, host, () => probe.close(() => resolvePort(true)));
  });
}

/** Runs a command to its end, its output kept; rejects with that output when it fails. */
function run(command, args, options = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveRun(output) : reject(Object.assign(new Error(output), { output })),
    );
  });
}

/**
 * Starts a long-running process in its own process group (the terminal's Ctrl-C reaches only this
 * script, which then stops the children in order). Resolves with the first URL it prints.
 */
function launch(app, command, args, extraEnv) {
  return new Promise((resolveLaunch, reject) => {
    // Ctrl-C during the build or while the API opens its database: start nothing more.
    if (stopping) return reject(new Error('stopping'));
    const child = spawn(command, args, {
      cwd: join(root, app.dir),
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.add(child);
    let output = '';
    let ready = false;
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      if (ready) {
        // Log lines at warning level and above (LOG_LEVEL=warn) are worth seeing; banners are not.
        if (text.startsWith('{')) process.stdout.write(text);
        return;
      }
      output += text;
      const url = /https?:\/\/[^\s)]+/.exec(output);
      if (url) {
        ready = true;
        resolveLaunch({ child, url: url[0].replace(/[.,]$/, '') });
      }
    });
    child.stderr.on('data', (chunk) => {
      if (ready) process.stderr.write(chunk);
      else output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!ready) reject(Object.assign(new Error(`${app.name} stopped before it listened`), { output }));
      else if (!stopping && !retiring.has(child))
        fail(`${app.name} stopped (${signal ?? `exit code ${code}`}): stopping everything.`);
    });
  });
}

/** `node <file>` from the app's start script: no npm in between, so signals and output stay ours. */
function startCommand(app) {
  const { scripts } = JSON.parse(readFileSync(join(root, app.dir, 'package.json'), 'utf8'));
  const words = String(scripts?.start ?? '')
    .split(/\s+/)
    .filter(Boolean);
  while (/^[A-Z_]+=/.test(words[0] ?? '')) words.shift();
  return words[0] === 'node' ? [process.execPath, words.slice(1)] : ['npm', ['run', 'start', '--silent']];
}

/** SIGTERM to each child in turn, each awaited; nothing it prints on the way out is an error. */
async function stopChildren(list) {
  for (const child of list) {
    retiring.add(child);
    if (child.exitCode !== null || child.signalCode !== null) continue;
    await new Promise((done) => {
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  }
}

/**
 * Creates the PGlite database in `<data>/pglite` when it does not exist yet, in a process of its
 * own that closes it again; the API then opens it (migrations and seed are the API's).
 */
async function createEmbeddedDatabase() {
  const folder = join(dataDirectory, 'pglite');
  if (existsSync(join(folder, 'PG_VERSION'))) return;
  const script = `const { PGlite } = await import('@electric-sql/pglite');
    const database = await PGlite.create({ dataDir: ${JSON.stringify(folder)} });
    await database.close();`;
  await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(root, 'packages', 'server'),
  });
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  // The apps first, then the API, then the mail catcher, so nothing loses its server while it stops.
  const last = [apiChild, catcherChild].filter(Boolean);
  const ordered = [...children].filter((child) => !last.includes(child)).concat(last);
  const kill = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, STOP_GRACE_MILLISECONDS);
  kill.unref();
  stopChildren(ordered).then(() => {
    if (code === 0) process.stdout.write('Stopped.\n');
    process.exit(code);
  });
}

/** WSC_SMTP_URL without its password, for the URL block. */
function redactedSmtpUrl() {
  try {
    const url = new URL(env.WSC_SMTP_URL);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'WSC_SMTP_URL';
  }
}

async function main() {
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  for (const app of [API, ...APPS]) {
    if (!(await portIsFree(app.port))) {
      return fail(
        `Port ${app.port} is in use (${app.name}): stop what uses it or set ${app.variable} to another port.`,
      );
    }
  }
  if (MAIL_CATCHER) {
    for (const [port, variable] of [
      [MAIL_CATCHER.port, MAIL_CATCHER.variable],
      [MAIL_CATCHER.smtpPort, MAIL_CATCHER.smtpVariable],
    ]) {
      if (!(await portIsFree(port))) {
        return fail(
          `Port ${port} is in use (${MAIL_CATCHER.name}): stop what uses it, set ${variable} to another port, or set WSC_SMTP_URL to send mail to a real server.`,
        );
      }
    }
  }

  mkdirSync(dataDirectory, { recursive: true });
  // A first start creates the embedded database (PGlite's initdb, several seconds) while the build runs.
  const creating = env.DATABASE_URL ? undefined : createEmbeddedDatabase();
  try {
    await run(join(root, 'node_modules', '.bin', 'turbo'), [
      'run',
      'build',
      '--filter=./apps/*...',
      '--output-logs=errors-only',
      '--log-prefix=none',
    ]);
  } catch (error) {
    return fail('The build failed (above); fix it and run `npm start` again.', error.output);
  }
  try {
    await creating;
  } catch (error) {
    return fail(`The embedded database could not be created in ${dataDirectory}.`, error.output);
  }

  // One file per database kind: switching to DATABASE_URL and back keeps each one's keys.
  const samplePartnerFile = join(
    dataDirectory,
    env.DATABASE_URL ? 'sample-partner.postgres.json' : 'sample-partner.json',
  );
  const apiUrl = urlOf(API);
  const readKeys = () => {
    try {
      return JSON.parse(readFileSync(samplePartnerFile, 'utf8'));
    } catch {
      return undefined;
    }
  };
  const appEnv = (keys) => ({
    WSC_API_URL: apiUrl,
    WSC_PUBLISHABLE_KEY: keys.publishableKey.key,
    WSC_SECRET_KEY: keys.secretKey.key,
    WSC_DATA_DIR: dataDirectory,
    // The upcoming forum the API creates for the samples (apps/api/src/sample-forum.ts): the
    // partner site's event card and registration show it, so registering can be tried.
    PARTNER_SITE_EVENT: env.PARTNER_SITE_EVENT || 'world-smart-city-forum-sample',
    ...Object.fromEntries(APPS.map((app) => [app.urlVariable, urlOf(app)])),
  });
  const startApps = (keys) =>
    Promise.all(
      APPS.map((app) => {
        const [command, args] = startCommand(app);
        return launch(app, command, args, appEnv(keys)).then((running) => ({ ...app, ...running }));
      }),
    );

  // The inbox first: the API sends its mail there from its first request on.
  let catcher;
  if (MAIL_CATCHER) {
    try {
      catcher = await launch(MAIL_CATCHER, process.execPath, ['server.mjs'], {
        [MAIL_CATCHER.variable]: String(MAIL_CATCHER.port),
        [MAIL_CATCHER.smtpVariable]: String(MAIL_CATCHER.smtpPort),
      });
      catcherChild = catcher.child;
    } catch (error) {
      return fail(`The mail catcher did not start (${error.message}).`, error.output);
    }
  }
  const smtpHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const apiStarting = launch(API, process.execPath, ['--max-semi-space-size=32', 'dist/main.js'], {
    ...(MAIL_CATCHER
      ? {
          WSC_SMTP_URL: `smtp://${smtpHost.includes(':') ? `[${smtpHost}]` : smtpHost}:${MAIL_CATCHER.smtpPort}`,
        }
      : {}),
    WSC_DATA_DIR: dataDirectory,
    LOG_LEVEL: env.LOG_LEVEL || 'warn',
    // The sample back end receives webhooks on localhost.
    WSC_WEBHOOK_ALLOW_PRIVATE: env.WSC_WEBHOOK_ALLOW_PRIVATE || '1',
    WSC_SAMPLE_PARTNER_FILE: samplePartnerFile,
    WSC_SAMPLE_PARTNER_ORIGINS: APPS.map(urlOf).join(','),
    // Account mail to those who join on the partner site leads back to it (its page embeds the
    // widgets, and the embed script completes the link).
    ...(partnerSite ? { WSC_SAMPLE_PARTNER_ACCOUNT_PAGE: `${urlOf(partnerSite)}/` } : {}),
  });
  // With the keys of an earlier start, the apps start while the API opens its database; the API
  // confirms the keys (or replaces them, and the apps restart with the new ones).
  const earlierKeys = readKeys();
  const appsStarting = earlierKeys ? startApps(earlierKeys) : undefined;
  appsStarting?.catch(() => {});
  try {
    apiChild = (await apiStarting).child;
  } catch (error) {
    return fail(`The API did not start (${error.message}).`, error.output);
  }
  const databaseKind = env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const partner = readKeys();
  let started;
  try {
    if (appsStarting && JSON.stringify(partner) === JSON.stringify(earlierKeys)) {
      started = await appsStarting;
    } else {
      if (appsStarting) await stopChildren((await appsStarting).map((app) => app.child));
      started = await startApps(partner);
    }
  } catch (error) {
    return fail(`An app did not start (${error.message}).`, error.output);
  }

  const rows = [
    ['API', apiUrl],
    ['API reference', `${apiUrl}/docs`],
    ['Widgets script', `${apiUrl}/embed/v1/wsc.js`],
    ...(MAIL_CATCHER
      ? [['Mail catcher', urlOf(MAIL_CATCHER)]]
      : [['Mail', `sent through ${redactedSmtpUrl()}`]]),
    ...started.map((app) => [app.name, app.url]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  process.stdout.write(
    `${[
      `World Smart City Community is running on ${databaseKind}.`,
      ...rows.map(([label, url]) => `  ${label.padEnd(width)}${url}`),
      env.DATABASE_URL ? '' : `  ${'Data folder'.padEnd(width)}${dataDirectory}`,
      `  ${'Sample keys'.padEnd(width)}${samplePartnerFile} (publishable ${partner.publishableKey.key.slice(0, 12)}…)`,
      'Ctrl-C stops everything.',
      '',
    ]
      .filter((line) => line !== '')
      .join('\n')}\n`,
  );
}

main().catch((error) => fail(`npm start failed: ${error instanceof Error ? error.stack : String(error)}`));
