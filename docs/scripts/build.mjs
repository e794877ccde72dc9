#!/usr/bin/env node
// `npm run docs` (after the packages are built): generates the reference pages, then builds the site
// with VitePress into .vitepress/dist. The generators run side by side: typedoc (api/), the element
// reference from the widgets' custom-elements manifest (elements/), the HTTP reference from the
// OpenAPI document of a server created in-process (http/). A broken internal link or a resource from
// another origin fails the build. Each language's folder must hold every English guide (see
// translations.mjs); its reference entry pages are written here, linking the one English reference.
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
import { englishGuides, localeReferencePages, missingTranslations, siteLocales } from './translations.mjs';

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

/**
 * The tables of the performance pages (parts/performance-report.md), written by `npm run bench` and
 * included by every language's performance.md; until a benchmark has run, a placeholder.
 */
function ensurePerformanceReport() {
  const file = join(root, 'parts', 'performance-report.md');
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const empty = (/** @type {string} */ name, /** @type {string} */ text) => [
    `<!-- #region ${name} -->`,
    text,
    `<!-- #endregion ${name} -->`,
  ];
  writeFileSync(
    file,
    [
      ...empty('date', '—'),
      ...empty('command', '`npm run bench`'),
      ...empty('duration', '—'),
      ...empty('summary', '—'),
      ...empty('machine', '`npm run bench`'),
      ...empty('results', '`npm run bench`'),
      ...empty('suites', '`npm run bench`'),
      ...empty('notes', ''),
      '',
    ].join('\n'),
  );
}

/** Each language's entry pages of the references, replacing those of the previous build. */
function writeLocaleReferencePages() {
  for (const locale of siteLocales(root))
    for (const folder of ['elements', 'http', 'api'])
      if (locale.code !== 'en') rmSync(join(root, locale.code, folder), { recursive: true, force: true });
  for (const [file, markdown] of localeReferencePages(root)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), markdown);
  }
}

/** The guides of every language on the site (the generated pages hold no include). */
function guidePages() {
  const guides = englishGuides(root);
  return siteLocales(root).flatMap((locale) =>
    guides.map((guide) => join(root, locale.code === 'en' ? '' : locale.code, guide)),
  );
}

async function main() {
  const started = Date.now();
  const missing = missingTranslations(root);
  if (missing.length)
    throw new Error(
      `Guides without their translation (each language's folder holds every English guide; see docs/README.md):\n${missing.join('\n')}`,
    );
  ensurePerformanceReport();
  const includes = includeProblems(guidePages(), root);
  if (includes.length) throw new Error(`Includes that would be dropped:\n${includes.join('\n')}`);
  await Promise.all([generateApi(), generateHttp(), generateElements()]);
  writeLocaleReferencePages();
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
