#!/usr/bin/env node
// `npm run release:dry`: the whole release, without releasing anything. In a scratch copy of the
// repository (the working tree is never touched), `changeset version` bumps the packages and
// writes their changelogs; `changeset publish` publishes them to a throwaway Verdaccio registry
// this script starts; then .ci/check-consumer.mjs installs every published package from that
// registry alone into a project outside the workspace and uses them (ESM, CJS, a browser bundle,
// the installed @wsc/server on PGlite called by the installed @wsc/sdk). The registry and the
// temp folders are removed at the end, failure or not. Needs the packages built (the npm script
// builds them first).
import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const runFile = promisify(execFile);
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const changeset = join(root, 'node_modules/@changesets/cli/bin.js');
const verdaccio = join(root, 'node_modules/verdaccio/bin/verdaccio');

/** The environment of the child processes: no npm settings inherited from `npm run`. */
const cleanEnvironment = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
);

/** Runs a command; throws with its output when it fails. */
async function run(command, args, options = {}) {
  try {
    const { stdout, stderr } = await runFile(command, args, {
      maxBuffer: 32 * 1024 * 1024,
      env: cleanEnvironment,
      ...options,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    throw new Error(
      `${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`,
    );
  }
}

/** The published workspaces: name, version and folder (relative to the repository). */
function publishedPackages(repository) {
  return readdirSync(join(repository, 'packages'))
    .map((folder) => join('packages', folder))
    .filter((folder) => existsSync(join(repository, folder, 'package.json')))
    .map((folder) => ({
      folder,
      ...JSON.parse(readFileSync(join(repository, folder, 'package.json'), 'utf8')),
    }))
    .filter((manifest) => !manifest.private)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Copies what git would commit (tracked and untracked-but-not-ignored files, as they are in the
 * working tree) plus the built `dist/` of each published package and the other built files its
 * `files` lists (the widgets' custom-elements.json); `node_modules` is a link, so that changesets
 * finds its changelog module.
 */
async function copyRepository(scratch) {
  const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
  });
  let files = 0;
  for (const file of listed.split('\0').filter(Boolean)) {
    // A tracked file deleted in the working tree is not part of the copy.
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(root, file), join(scratch, file));
    files += 1;
  }
  for (const { folder, files: published = [] } of publishedPackages(root)) {
    if (!existsSync(join(root, folder, 'dist')))
      throw new Error(`${folder}/dist is missing: run \`npm run build\` first`);
    cpSync(join(root, folder, 'dist'), join(scratch, folder, 'dist'), { recursive: true });
    // Built files beside dist/ that git ignores but the package publishes.
    for (const entry of published) {
      if (entry.startsWith('!') || entry.includes('*')) continue;
      const source = join(root, folder, entry);
      const target = join(scratch, folder, entry);
      if (existsSync(source) && !existsSync(target)) cpSync(source, target, { recursive: true });
    }
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  return files;
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts Verdaccio on its own storage: @wsc/* live there only (no uplink, so nothing of the public
 * registry can stand in for a package that failed to publish); every other name is refused, the
 * consumer takes those from its usual registry. Answers the URL and the process.
 */
async function startRegistry(folder) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(folder, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(folder, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(folder, 'htpasswd')}`,
      '    max_users: 1',
      'uplinks: {}',
      'packages:',
      "  '@wsc/*':",
      '    access: $all',
      '    publish: $authenticated',
      '    unpublish: $authenticated',
      'web:',
      '  enable: false',
      'logs: { type: stdout, format: pretty, level: warn }',
      'server:',
      '  keepAliveTimeout: 0',
      '',
    ].join('\n'),
  );
  const child = spawn(process.execPath, [verdaccio, '--config', config, '--listen', `127.0.0.1:${port}`], {
    cwd: folder,
    env: cleanEnvironment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  child.kill();
  throw new Error(`Verdaccio did not answer on ${url} within 30 s:\n${output}`);
}

/** Signs a throwaway user up (Verdaccio's htpasswd) and answers its token for `npm publish`. */
async function registryToken(url) {
  const name = 'wsc-release-dry';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `dry-${process.pid}-${Date.now()}`, type: 'user', roles: [] }),
  });
  const body = await response.json();
  if (!response.ok || typeof body.token !== 'string')
    throw new Error(`Verdaccio refused the user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** What the registry holds for a package: its versions and dist-tags. */
async function registryEntry(url, name) {
  const response = await fetch(`${url}${name.replace('/', '%2f')}`);
  if (!response.ok) return null;
  const body = await response.json();
  return { versions: Object.keys(body.versions ?? {}), latest: body['dist-tags']?.latest };
}

const scratch = mkdtempSync(join(tmpdir(), 'wsc-release-dry-'));
const repository = join(scratch, 'repository');
const registryFolder = join(scratch, 'registry');
let registry;
let exitCode = 0;

/** Ends the registry (waiting for it, so that no zombie is left) and removes the temp folders. */
async function cleanUp() {
  const child = registry?.child;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await cleanUp();
    process.exit(130);
  });
}

try {
  mkdirSync(repository);
  mkdirSync(registryFolder);
  const copied = await copyRepository(repository);
  const before = new Map(publishedPackages(repository).map((pkg) => [pkg.name, pkg.version]));
  const pending = readdirSync(join(repository, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  console.log(`copy: ${copied} files and the built dist/ into ${repository}`);

  let step = performance.now();
  await run(process.execPath, [changeset, 'version'], { cwd: repository });
  const packages = publishedPackages(repository);
  console.log(`changeset version: ${pending.length} changeset(s) applied (${seconds(step)})`);
  for (const pkg of packages) {
    const changelog = join(repository, pkg.folder, 'CHANGELOG.md');
    const note = existsSync(changelog)
      ? `CHANGELOG.md ${readFileSync(changelog, 'utf8').split('\n').length} lines`
      : 'no CHANGELOG.md';
    console.log(`  ${pkg.name} ${before.get(pkg.name)} -> ${pkg.version} (${note})`);
  }
  const unchanged = packages.filter((pkg) => before.get(pkg.name) === pkg.version);
  if (unchanged.length > 0)
    console.log(`  not bumped (no changeset names them): ${unchanged.map((pkg) => pkg.name).join(', ')}`);

  step = performance.now();
  registry = await startRegistry(registryFolder);
  const token = await registryToken(registry.url);
  const npmrc = join(registryFolder, 'npmrc');
  writeFileSync(npmrc, `registry=${registry.url}\n//${new URL(registry.url).host}/:_authToken=${token}\n`);
  console.log(`registry: Verdaccio at ${registry.url} (${seconds(step)})`);

  step = performance.now();
  await run(process.execPath, [changeset, 'publish', '--no-git-tag'], {
    cwd: repository,
    env: { ...cleanEnvironment, npm_config_userconfig: npmrc, npm_config_registry: registry.url },
  });
  const published = [];
  const missing = [];
  for (const pkg of packages) {
    const entry = await registryEntry(registry.url, pkg.name);
    if (entry?.versions.includes(pkg.version)) published.push(pkg);
    else missing.push(`${pkg.name}@${pkg.version}`);
  }
  console.log(`changeset publish: ${published.length} package(s) published (${seconds(step)})`);
  for (const pkg of published) console.log(`  ${pkg.name}@${pkg.version}`);
  if (missing.length > 0)
    throw new Error(`not on the registry after changeset publish: ${missing.join(', ')}`);

  console.log('\nconsumer check of the published packages (.ci/check-consumer.mjs):');
  const consumer = spawn(
    process.execPath,
    [
      join(root, '.ci/check-consumer.mjs'),
      '--registry',
      registry.url,
      ...published.flatMap((pkg) => ['--install', `${pkg.name}@${pkg.version}`]),
    ],
    { cwd: root, env: cleanEnvironment, stdio: 'inherit' },
  );
  const consumerExit = await new Promise((done) => consumer.on('exit', (code) => done(code ?? 1)));
  if (consumerExit !== 0) throw new Error('the consumer check of the published packages failed (above)');
  console.log(
    `\nrelease:dry: published ${published.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')} to a throwaway registry and used them from a fresh project (${seconds(started)}).`,
  );
} catch (error) {
  console.error(
    `\nrelease:dry FAILED after ${seconds(started)}: ${error instanceof Error ? error.message : error}`,
  );
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
