#!/usr/bin/env node
// Checks the packages the way a partner meets them after `npm install`: they are installed into a
// scratch project outside the workspace, which then talks to the real API (@wsc/server on PGlite)
// from an ES module, from a CommonJS module and from a browser bundle (built by its own esbuild)
// run in Chromium; it loads every entry point of every installed @wsc package both ways and runs
// the "A first example" blocks of their READMEs. The scenarios are the files of .ci/consumer/.
// Needs the packages built: `npm run build`.
//
// Two ways to get the packages:
//   node .ci/check-consumer.mjs
//     the packed tarballs of @wsc/models, @wsc/sdk, @wsc/plugin-retry, @wsc/widgets and @wsc/react
//     (with React from the usual registry, its peer); the API is the workspace's @wsc/server (run
//     by `npm run check:packages`).
//   node .ci/check-consumer.mjs --registry <url> --install @wsc/models@0.1.0 --install …
//     those versions from that registry alone (scope @wsc; third-party packages from the usual
//     registry or the npm cache); the API is the installed @wsc/server, started by its
//     createServer on PGlite in a temp folder, its partner made with @wsc/server/admin
//     (run by `npm run release:dry` against the throwaway registry it published to).
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const scenarioFolder = join(import.meta.dirname, 'consumer');
const packages = {
  '@wsc/models': 'models',
  '@wsc/sdk': 'sdk',
  '@wsc/plugin-retry': 'plugin-retry',
  '@wsc/widgets': 'widgets',
  '@wsc/react': 'react',
};
const { values: options } = parseArgs({
  options: { registry: { type: 'string' }, install: { type: 'string', multiple: true, default: [] } },
});
/** name → version to install from `options.registry`; empty when the tarballs are checked. */
const fromRegistry = new Map(
  options.install.map((spec) => [
    spec.slice(0, spec.lastIndexOf('@')),
    spec.slice(spec.lastIndexOf('@') + 1),
  ]),
);
if (options.registry === undefined && fromRegistry.size > 0) {
  console.error('check:consumer: --install needs --registry');
  process.exit(2);
}
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runFile = promisify(execFile);
const started = performance.now();
const failures = [];

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const sameList = (actual, expected) => JSON.stringify(actual) === JSON.stringify(expected);

/** Prints one line for a check and remembers what failed. */
function report(label, problems, note = '') {
  console.log(`${label}: ${problems.length === 0 ? 'ok' : 'FAILED'}${note ? ` (${note})` : ''}`);
  if (problems.length > 0) failures.push(`${label}\n  ${problems.join('\n  ')}`);
}

/** `expectations` maps what should hold to whether it does; a failure quotes the facts. */
function judge(label, facts, expectations, note) {
  const broken = Object.entries(expectations)
    .filter(([, holds]) => !holds)
    .map(([what]) => `expected ${what}`);
  report(label, broken.length > 0 ? [...broken, `got ${JSON.stringify(facts)}`] : [], note);
}

/** Runs a command without blocking the event loop: the API answering the scenarios lives in this process. */
async function run(command, args, options) {
  try {
    const { stdout } = await runFile(command, args, { maxBuffer: 16 * 1024 * 1024, ...options });
    return { ok: true, output: stdout };
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    const timedOut = error.killed ? `\n(killed after ${options.timeout} ms)` : '';
    return { ok: false, output: `${output || error.message}${timedOut}` };
  }
}

/** Packs the workspace's packages into `packFolder`; answers the tarballs' paths. */
async function pack(packFolder) {
  const workspaces = Object.keys(packages).flatMap((name) => ['-w', name]);
  const packed = await run('npm', ['pack', '--json', '--pack-destination', packFolder, ...workspaces], {
    cwd: root,
  });
  if (!packed.ok) throw new Error(`npm pack failed:\n${packed.output}`);
  const tarballs = JSON.parse(packed.output).map((entry) => join(packFolder, entry.filename));
  report('pack', [], tarballs.map((tarball) => tarball.slice(packFolder.length + 1)).join(', '));
  return tarballs;
}

/**
 * Installs `specifiers` (tarballs, or name@version from `options.registry`) with the workspace's
 * esbuild into `scratch`, then checks each @wsc package was unpacked there, not linked.
 */
async function install(scratch, specifiers) {
  // No "type": the .mjs and .cjs extensions choose the module system of each scenario.
  const manifest = { name: 'wsc-consumer-check', private: true };
  writeFileSync(join(scratch, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of readdirSync(scenarioFolder))
    copyFileSync(join(scenarioFolder, file), join(scratch, file));
  const esbuildVersion = createRequire(join(root, 'package.json'))('esbuild/package.json').version;
  // `npm run` exports the workspace as npm_config_local_prefix; a child npm would install there.
  const { npm_config_local_prefix: _workspace, ...environment } = process.env;
  // The scope's registry: @wsc/* come from there alone, whatever the default registry holds.
  const scope = options.registry === undefined ? [] : [`--@wsc:registry=${options.registry}`];
  // What the README examples import besides @wsc/*: the OpenTelemetry SDK, in plugin-telemetry's version.
  const telemetry = createRequire(join(root, 'packages/plugin-telemetry/package.json'));
  const exampleDependencies = ['@opentelemetry/sdk-trace-base'].map(
    (name) => `${name}@${telemetry(`${name}/package.json`).version}`,
  );
  const installStarted = performance.now();
  const result = await run(
    'npm',
    [
      'install',
      ...specifiers,
      `esbuild@${esbuildVersion}`,
      ...exampleDependencies,
      ...scope,
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    { cwd: scratch, env: environment, timeout: 300_000 },
  );
  if (!result.ok) throw new Error(`npm install in ${scratch} failed:\n${result.output}`);

  const installed = [...new Set([...Object.keys(packages), ...fromRegistry.keys()])];
  // A symlink would mean npm linked the workspace instead of unpacking the package.
  const notUnpacked = installed.filter((name) => {
    const folder = join(scratch, 'node_modules', name);
    return !existsSync(folder) || lstatSync(folder).isSymbolicLink();
  });
  const wrongVersions = [...fromRegistry].filter(([name, version]) => {
    const file = join(scratch, 'node_modules', name, 'package.json');
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version !== version;
  });
  const nestedSdk = readdirSync(join(scratch, 'node_modules/@wsc')).filter((folder) =>
    existsSync(join(scratch, 'node_modules/@wsc', folder, 'node_modules/@wsc/sdk')),
  );
  report(
    'install',
    [
      ...notUnpacked.map((name) => `node_modules/${name} to be a folder unpacked from its package`),
      ...wrongVersions.map(([name, version]) => `${name} to be the published ${version}`),
      ...nestedSdk.map((folder) => `@wsc/${folder} to share the one @wsc/sdk (its peer), not a nested copy`),
    ],
    `${seconds(installStarted)}, ${installed.length} @wsc packages, esbuild ${esbuildVersion}`,
  );
}

/** The ES module file an `import` of `name` + `subpath` reaches in the scratch project. */
function importTarget(scratch, name, subpath = '.') {
  const folder = join(scratch, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return pathToFileURL(join(folder, manifest.exports[subpath].import.default)).href;
}

/**
 * The API the scenarios call, with `createPartner(app, { origin })` for the browser's partner. From
 * the registry: the installed @wsc/server as a host runs it (createServer on PGlite in a temp folder,
 * the partner made with @wsc/server/admin); from tarballs: the workspace's test server.
 */
async function startServer(scratch) {
  if (options.registry === undefined) {
    const serverSupport = pathToFileURL(join(root, 'packages/server/dist/test-support/index.js')).href;
    const { createPartner, createTestServer } = await import(serverSupport);
    const app = await createTestServer();
    return { app, createPartner, dispose: () => app.dispose() };
  }
  const { createServer } = await import(importTarget(scratch, '@wsc/server'));
  const { createPartnerKeyRecord, createPartnerRecord } = await import(
    importTarget(scratch, '@wsc/server', './admin')
  );
  const dataDirectory = mkdtempSync(join(tmpdir(), 'wsc-consumer-data-'));
  const started = performance.now();
  let app;
  try {
    app = await createServer({ dataDirectory, logLevel: 'silent', rateLimit: false, webhookWorker: false });
  } catch (error) {
    rmSync(dataDirectory, { recursive: true, force: true });
    throw error;
  }
  report(
    'server',
    [],
    `the installed @wsc/server on PGlite (${app.database.kind}), ${seconds(started)} to start`,
  );
  const createPartner = async (server, { origin }) => {
    const partner = await createPartnerRecord(server.db, { name: 'Consumer check partner' });
    const key = await createPartnerKeyRecord(server.db, partner.id, {
      kind: 'publishable',
      allowedOrigins: [origin],
      scopes: ['content:read', 'content:write'],
    });
    return { publishableKey: key.key };
  };
  const dispose = async () => {
    await app.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  };
  return { app, createPartner, dispose };
}

/** Runs one scenario file in the scratch project; its last stdout line is a JSON object of facts. */
async function runScenario(scratch, file, ...args) {
  const result = await run(process.execPath, [file, ...args], { cwd: scratch, timeout: 30_000 });
  if (!result.ok) return { problem: result.output.trim() };
  try {
    return { facts: JSON.parse(result.output.trim().split('\n').at(-1)) };
  } catch {
    return { problem: `no JSON facts on the last line of:\n${result.output}` };
  }
}

async function checkNode(scratch, apiURL, expectedIds) {
  const standards = `standards.list({ limit: 5 }) to give ${JSON.stringify(expectedIds)}`;
  const [esm, cjs] = await Promise.all([
    runScenario(scratch, 'esm.mjs', apiURL),
    runScenario(scratch, 'cjs.cjs', apiURL),
  ]);
  if (esm.problem) report('esm', [esm.problem]);
  else {
    const { facts } = esm;
    judge('esm', facts, {
      'import to resolve to dist/index.js of the installed @wsc/sdk': facts.resolved.endsWith(
        '/node_modules/@wsc/sdk/dist/index.js',
      ),
      [standards]: sameList(facts.standardIds, expectedIds),
      'auth.signup to return a token': facts.signedUp,
      'painPoints.create with the token to return the city': facts.createdCity === 'Tarball City',
      'a ValidationError (instanceof and WscError.is) with status 400 or 422':
        facts.validation.isValidationError &&
        facts.validation.isWscError &&
        facts.validation.name === 'ValidationError' &&
        [400, 422].includes(facts.validation.status),
      'the ValidationError to name the field "domain"': facts.validation.paths.includes('domain'),
      'webhooks.verify to return the signed event': facts.webhookEventId === 'evt_consumer',
      'WscClient.plugin(dropFirstAttempt, retry) to succeed on the second attempt':
        facts.retry.plugins === 2 && facts.retry.attempts === 2 && facts.retry.items === 1,
    });
  }
  if (cjs.problem) report('cjs', [cjs.problem]);
  else {
    const { facts } = cjs;
    judge('cjs', facts, {
      'require to resolve to dist/index.cjs of the installed @wsc/sdk': facts.resolved.endsWith(
        '/node_modules/@wsc/sdk/dist/index.cjs',
      ),
      [standards]: sameList(facts.standardIds, expectedIds),
      'a ValidationError (instanceof and WscError.is) naming the field "email"':
        facts.validation.isValidationError &&
        facts.validation.isWscError &&
        facts.validation.paths.includes('email'),
      'webhooks.verify to return the signed event': facts.webhookEventId === 'evt_consumer_cjs',
    });
  }
}

/** Every entry point of every installed @wsc package loads by `import` and by `require`, with the same names. */
async function checkEntries(scratch) {
  const entries = await runScenario(scratch, 'entries.mjs');
  if (entries.problem) {
    report('entry points', [entries.problem]);
    return;
  }
  const problems = [];
  const loaded = [];
  for (const [name, { version, entries: points }] of Object.entries(entries.facts)) {
    for (const [subpath, facts] of Object.entries(points)) {
      const label = `${name}${subpath.slice(1)}`;
      if (facts.error) problems.push(`${label} to load (${facts.error})`);
      // An entry imported for its effect (`@wsc/widgets/define` defines the elements) may export nothing.
      else if (facts.esm.length === 0 && !facts.sideEffect)
        problems.push(`${label} to export something (or to be declared in "sideEffects")`);
      else if (!sameList(facts.esm, facts.cjs))
        problems.push(
          `${label} to export the same names to import (${facts.esm}) and require (${facts.cjs})`,
        );
    }
    loaded.push(`${name}@${version} (${Object.keys(points).length})`);
  }
  report(
    'entry points',
    problems.map((problem) => `expected ${problem}`),
    loaded.join(', '),
  );
}

/**
 * Runs the code blocks under "## A first example" of each installed @wsc package's README (as
 * published, against this API instead of http://localhost:8787): a README's first example must
 * run as it is. A block that starts a server of its own is left to the server check.
 */
async function checkReadmeExamples(scratch, apiURL) {
  const problems = [];
  const ran = [];
  for (const folder of readdirSync(join(scratch, 'node_modules/@wsc')).sort()) {
    const readme = join(scratch, 'node_modules/@wsc', folder, 'README.md');
    if (!existsSync(readme)) {
      problems.push(`@wsc/${folder} to ship a README.md`);
      continue;
    }
    const section = readFileSync(readme, 'utf8')
      .split(/^## A first example$/m)[1]
      ?.split(/^## /m)[0];
    if (section === undefined) continue;
    const blocks = [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
    for (const [index, code] of blocks.entries()) {
      if (code.includes('.listen(')) continue;
      const file = `readme-${folder}-${index + 1}.mjs`;
      writeFileSync(join(scratch, file), code.replaceAll('http://localhost:8787', apiURL));
      const result = await run(process.execPath, [file], { cwd: scratch, timeout: 30_000 });
      if (result.ok) ran.push(file.slice(0, -4));
      else problems.push(`${file} (from @wsc/${folder}'s README) to run:\n${result.output.trim()}`);
    }
  }
  report(
    'README examples',
    problems.map((problem) => `expected ${problem}`),
    ran.join(', '),
  );
}

/** Bundles browser-entry.mjs with the scratch project's esbuild; undefined when it failed. */
async function bundleForBrowser(scratch) {
  const esbuild = createRequire(join(scratch, 'package.json'))('esbuild');
  let bundle;
  try {
    bundle = await esbuild.build({
      entryPoints: ['browser-entry.mjs'],
      absWorkingDir: scratch,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
  } catch (error) {
    report('browser bundle', [error.message]);
    return undefined;
  }
  const script = bundle.outputFiles[0].text;
  const inputs = Object.keys(bundle.metafile.inputs);
  // tsup writes `crypto` for `node:crypto`, so builtins are found by name, prefix or not.
  const specifiers = [...script.matchAll(/\b(?:from|import|require)\s*\(?\s*["']([^"']+)["']/g)];
  const builtins = [
    ...new Set(specifiers.map((match) => match[1]).filter((specifier) => isBuiltin(specifier))),
  ];
  judge(
    'browser bundle',
    { builtins, inputs: inputs.filter((input) => input.includes('@wsc/')) },
    {
      'no imports of Node modules': builtins.length === 0,
      'nothing of @wsc/sdk/node': !inputs.some((input) => input.includes('@wsc/sdk/dist/node/')),
      "@wsc/models' browser build": inputs.some((input) => input.includes('@wsc/models/dist/browser/')),
      'every input from the scratch project': inputs.every((input) => !input.startsWith('..')),
    },
    `${gzipSync(script).length} bytes gzipped unminified, esbuild ${esbuild.version}`,
  );
  return script;
}

/** Serves `script` from a second origin, registered as a partner's, and runs it in Chromium. */
async function checkInBrowser(app, createPartner, script, apiURL, expectedIds, resources) {
  resources.pageServer = createServer((request, response) => {
    const isScript = request.url === '/page.js';
    response.writeHead(200, {
      'content-type': isScript ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
    });
    response.end(
      isScript
        ? script
        : '<!doctype html><meta charset="utf-8"><title>Partner page</title><script type="module" src="/page.js"></script>',
    );
  });
  await new Promise((done) => resources.pageServer.listen(0, '127.0.0.1', done));
  const pageOrigin = `http://127.0.0.1:${resources.pageServer.address().port}`;
  // The API answers CORS only for a partner's origin, with that partner's publishable key.
  const partner = await createPartner(app, { origin: pageOrigin });
  const { chromium } = createRequire(join(root, 'packages/sdk/package.json'))('playwright-core');
  resources.browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const page = await resources.browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${pageOrigin}/`);
  await page.waitForFunction(() => window.consumerCheck !== undefined, undefined, { timeout: 10_000 });
  const facts = await page.evaluate((config) => window.consumerCheck(config), {
    baseURL: apiURL,
    publishableKey: partner.publishableKey,
  });
  judge(
    'browser',
    { ...facts, pageErrors },
    {
      [`standards.list({ limit: 5 }) to give ${JSON.stringify(expectedIds)}`]: sameList(
        facts.standardIds,
        expectedIds,
      ),
      'a page without Node globals': !facts.inNode,
      'no page errors': pageErrors.length === 0,
    },
    `Chromium ${await resources.browser.version()}`,
  );
}

const missing = [...Object.values(packages), 'server'].filter(
  (folder) => !existsSync(join(root, 'packages', folder, 'dist')),
);
if (missing.length > 0) {
  console.error(
    `check:consumer: packages/{${missing.join(',')}}/dist is missing: run \`npm run build\` first.`,
  );
  process.exit(1);
}

const packFolder = mkdtempSync(join(tmpdir(), 'wsc-consumer-pack-'));
const scratch = mkdtempSync(join(tmpdir(), 'wsc-consumer-'));
const resources = {};
try {
  const specifiers =
    options.registry === undefined
      ? await pack(packFolder)
      : [...fromRegistry].map(([name, version]) => `${name}@${version}`);
  await install(scratch, specifiers);
  const scenariosStarted = performance.now();
  const server = await startServer(scratch);
  resources.server = server;
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const apiURL = `http://127.0.0.1:${server.app.server.address().port}`;
  const listed = await server.app.inject({ method: 'GET', url: '/v1/standards?limit=5' });
  const expectedIds = listed.json().data.map((standard) => standard.id);

  await Promise.all([checkNode(scratch, apiURL, expectedIds), checkEntries(scratch)]);
  await checkReadmeExamples(scratch, apiURL);
  const script = await bundleForBrowser(scratch);
  if (!existsSync(chromiumPath)) {
    console.log(
      `SKIPPED browser: no Chromium at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`,
    );
  } else if (script !== undefined) {
    await checkInBrowser(server.app, server.createPartner, script, apiURL, expectedIds, resources);
  }
  console.log(`scenarios took ${seconds(scenariosStarted)}`);
} catch (error) {
  report('check:consumer', [error instanceof Error ? (error.stack ?? error.message) : String(error)]);
} finally {
  await resources.browser?.close();
  await new Promise((done) => (resources.pageServer ? resources.pageServer.close(done) : done()));
  await resources.server?.dispose();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(packFolder, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(
    `\ncheck:consumer found ${failures.length} problem(s) in ${seconds(started)}:\n${failures.join('\n\n')}`,
  );
  process.exit(1);
}
console.log(
  `\ncheck:consumer: the ${options.registry === undefined ? 'packed' : 'published'} packages work from ESM, CJS and a browser bundle (${seconds(started)}).`,
);
