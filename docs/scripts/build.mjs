#!/usr/bin/env node
// `npm run docs` (after the packages are built): generates the reference pages, then builds the site
// with VitePress into .vitepress/dist. The generators run side by side: typedoc (api/), the element
// reference from the widgets' custom-elements manifest (elements/), the HTTP reference from the
// OpenAPI document of a server created in-process (http/). A broken internal link or a resource from
// another origin fails the build.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vitepress';
import { elementReference } from './elements-reference.mjs';
import { httpReference } from './http-reference.mjs';
import { includeProblems } from './includes.mjs';
import { offOriginResources } from './offline.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Replaces a generated folder with these pages.
 * @param {string} folder
 * @param {Map<string, string>} pages
 */
function writePages(folder, pages) {
  const directory = join(root, folder);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  for (const [file, markdown] of pages) writeFileSync(join(directory, file), markdown);
}

/** Runs a Node script in a child process, so that it works beside the other generators. */
function run(/** @type {string} */ script, /** @type {string[]} */ args, /** @type {string} */ cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (status) =>
      status === 0 ? resolve(undefined) : reject(new Error(`${script} exited with ${status}`)),
    );
  });
}

/**
 * The element reference, from the widgets' custom-elements manifest, written again first: a build
 * restored from turbo's cache may lack it, and it must describe the elements as they are now.
 */
async function generateElements() {
  const widgets = dirname(require.resolve('@wsc/widgets/package.json'));
  await run(join(widgets, 'scripts/build-manifest.mjs'), [], widgets);
  const manifestFile = join(widgets, 'custom-elements.json');
  writePages('elements', elementReference(JSON.parse(readFileSync(manifestFile, 'utf8'))));
}

/** The HTTP reference, from the OpenAPI document of a server on a throw-away in-memory database. */
async function generateHttp() {
  const { createDatabase, createServer } = await import('@wsc/server');
  const { PROBLEM_TYPES } = await import('@wsc/models/problems');
  const database = await createDatabase({ inMemory: true });
  const app = await createServer({ database, seed: false, logLevel: 'silent', rateLimit: false });
  try {
    await app.ready();
    const document = app.swagger();
    writePages('http', httpReference(document, PROBLEM_TYPES));
  } finally {
    await app.close();
    await database.close();
  }
}

/** The API reference of every package and entry point (typedoc.json), as Markdown pages. */
async function generateApi() {
  const typedoc = join(dirname(require.resolve('typedoc/package.json')), 'bin', 'typedoc');
  await run(typedoc, ['--logLevel', 'Warn'], root);
  titleEntryPoints(join(root, 'api', '@wsc'));
}

/**
 * typedoc heads each entry point's page with its module name (`# index`, `# node`); a reader looks
 * for what they import: `@wsc/sdk`, `@wsc/sdk/node`. A package's README keeps its own title.
 * @param {string} directory api/@wsc
 */
function titleEntryPoints(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(directory, entry.name))) {
      if (file === 'index.md' || !file.endsWith('.md')) continue;
      const entryPoint = file === 'index-1.md' ? '' : `/${file.replace(/\.md$/, '')}`;
      const page = join(directory, entry.name, file);
      writeFileSync(
        page,
        readFileSync(page, 'utf8').replace(/^# .*$/m, `# @wsc/${entry.name}${entryPoint} (API)`),
      );
    }
  }
}

/** docs/performance.md is written by `npm run bench`; until then the sidebar points at a placeholder. */
function ensurePerformancePage() {
  const file = join(root, 'performance.md');
  if (!existsSync(file))
    writeFileSync(
      file,
      '# Performance\n\nNo benchmark has run on this copy yet: run `npm run bench` to fill this page.\n',
    );
}

/** The guides (the generated pages hold no include). */
const GUIDES = [
  'index',
  'getting-started',
  'embedding',
  'webhooks',
  'live-updates-and-webhooks',
  'self-hosting',
  'releasing',
];

async function main() {
  const started = Date.now();
  const includes = includeProblems(
    GUIDES.map((guide) => join(root, `${guide}.md`)),
    root,
  );
  if (includes.length) throw new Error(`Includes that would be dropped:\n${includes.join('\n')}`);
  ensurePerformancePage();
  await Promise.all([generateApi(), generateHttp(), generateElements()]);
  await build(root, { outDir: join(root, '.vitepress/dist') });
  const offOrigin = offOriginResources(join(root, '.vitepress/dist'));
  if (offOrigin.length)
    throw new Error(`The site loads resources from other origins:\n${offOrigin.join('\n')}`);
  process.stdout.write(
    `Documentation built in ${Math.round((Date.now() - started) / 1000)} s: docs/.vitepress/dist\n`,
  );
}

try {
  await main();
} catch (error) {
  process.stderr.write(`docs build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
