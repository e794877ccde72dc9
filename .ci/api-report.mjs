#!/usr/bin/env node
// The API reports of the published packages: for every entry point of a package's `exports`,
// API Extractor reads the built `.d.ts` and writes every exported name with its declaration to
// `packages/<folder>/api/<entry>.api.md` (`index` for the main entry, `admin` for `./admin`…).
// The reports are committed, so a change of a public surface shows in review.
//
//   node .ci/api-report.mjs --check [@wsc/name…]    fails with a diff where a report differs (CI)
//   node .ci/api-report.mjs --update [@wsc/name…]   rewrites the reports (after a deliberate change)
//
// Needs the packages built (`npm run api:check` and `npm run api:update` build them first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { Extractor, ExtractorConfig } = createRequire(import.meta.url)('@microsoft/api-extractor');

const mode = process.argv.includes('--update') ? 'update' : process.argv.includes('--check') ? 'check' : null;
const only = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
if (mode === null) {
  console.error('Usage: node .ci/api-report.mjs --check|--update [@wsc/name…]');
  process.exit(2);
}

// The d.ts of the packages are read alone (not their sources), with the options they were built with.
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const quiet = { logLevel: 'none' };

/** `.` → `index`, `./admin` → `admin`, `./a/b` → `a-b`: the report's file name. */
const reportName = (subpath) => (subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-'));

/**
 * The entry points of one `exports` subpath: itself, or for a pattern (`./elements/*` →
 * `./dist/elements/*.d.ts`) one per built file it reaches (`./elements/event-card`). Targets are
 * `{ import: { types } }` (dual packages) or `{ types }` (ESM-only ones); a plain string target is
 * a file handed out as it is (the embed script, JSON), not an entry point with a surface.
 */
function subpathEntries(folder, subpath, target) {
  const types = typeof target === 'object' ? (target.import?.types ?? target.types) : undefined;
  if (typeof types !== 'string') return [];
  if (!subpath.includes('*')) return [{ subpath, types: join(folder, types) }];
  const [prefix, suffix] = types.split('*');
  const directory = join(folder, prefix.slice(0, prefix.lastIndexOf('/') + 1));
  if (!existsSync(directory)) return [];
  const namePrefix = prefix.slice(prefix.lastIndexOf('/') + 1);
  return readdirSync(directory)
    .filter((file) => file.startsWith(namePrefix) && file.endsWith(suffix))
    .sort()
    .map((file) => {
      const match = file.slice(namePrefix.length, file.length - suffix.length);
      return { subpath: subpath.replace('*', match), types: join(directory, file) };
    });
}

/** Every published package and the `.d.ts` each of its entry points declares for `import`. */
function entryPoints() {
  const result = [];
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const folder = join(root, 'packages', name);
    const manifestFile = join(folder, 'package.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.private || (only.length > 0 && !only.includes(manifest.name))) continue;
    const entries = Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) =>
      subpathEntries(folder, subpath, target),
    );
    result.push({ name: manifest.name, folder, manifestFile, entries });
  }
  return result;
}

/** Runs API Extractor on one entry point; answers the report it made and what it complained of. */
function extract(pkg, entry, scratch) {
  const file = reportName(entry.subpath);
  const reportFolder = join(pkg.folder, 'api');
  mkdirSync(reportFolder, { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: pkg.folder,
      mainEntryPointFilePath: entry.types,
      compiler: { overrideTsconfig: { compilerOptions, files: [entry.types] } },
      apiReport: {
        enabled: true,
        reportFileName: file,
        reportFolder,
        reportTempFolder: scratch,
        includeForgottenExports: false,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          // Release tags (@public, @beta) are not used here: what an entry exports is public.
          'ae-missing-release-tag': quiet,
          // A type used by an export but not exported itself is noted in the report, where review sees it.
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          'ae-unresolved-link': quiet,
          // "(undocumented)" in the report says it already; typedoc's docs are the place to fix it.
          'ae-undocumented': quiet,
        },
        // TSDoc's stricter syntax (escaped braces in examples) is typedoc's business, not the surface's.
        tsdocMessageReporting: { default: quiet },
      },
    },
    configObjectFullPath: join(pkg.folder, 'api-extractor.json'),
    packageJsonFullPath: pkg.manifestFile,
  });
  const complaints = [];
  const result = Extractor.invoke(config, {
    localBuild: mode === 'update',
    messageCallback(message) {
      message.handled = true;
      // API Extractor's own progress lines ("report changed", "report created"): this script says those.
      if (message.category === 'console') return;
      if (message.logLevel === 'error' || message.logLevel === 'warning')
        complaints.push(message.formatMessageWithLocation(pkg.folder));
    },
  });
  return {
    result,
    committed: join(reportFolder, `${file}.api.md`),
    fresh: join(scratch, `${file}.api.md`),
    complaints,
  };
}

const started = performance.now();
const scratch = mkdtempSync(join(tmpdir(), 'wsc-api-report-'));
const failures = [];
let reports = 0;
try {
  for (const pkg of entryPoints()) {
    const expected = new Set();
    for (const entry of pkg.entries) {
      const label = `${pkg.name}${entry.subpath.slice(1)}`;
      if (!existsSync(entry.types)) {
        failures.push(`${label}: ${relative(root, entry.types)} is missing: build the package first`);
        continue;
      }
      const hadReport = existsSync(join(pkg.folder, 'api', `${reportName(entry.subpath)}.api.md`));
      const { result, committed, fresh, complaints } = extract(pkg, entry, scratch);
      expected.add(`${reportName(entry.subpath)}.api.md`);
      reports += 1;
      const where = relative(root, committed);
      if (complaints.length > 0) failures.push(`${label}:\n  ${complaints.join('\n  ')}`);
      if (mode === 'update') {
        console.log(`${where}: ${result.apiReportChanged || !hadReport ? 'written' : 'unchanged'}`);
        continue;
      }
      if (!hadReport) {
        failures.push(`${label}: no committed report ${where}; run \`npm run api:update\``);
        console.log(`${where}: MISSING`);
      } else if (result.apiReportChanged) {
        let diff = '';
        try {
          execFileSync('diff', ['-u', '--label', where, '--label', 'built', committed, fresh], {
            encoding: 'utf8',
          });
        } catch (error) {
          diff = error.stdout;
        }
        failures.push(
          `${label}: the public surface differs from ${where}.\nIf the change is deliberate, run \`npm run api:update\`, commit the report and add a changeset.\n${diff}`,
        );
        console.log(`${where}: DIFFERS`);
      } else {
        console.log(`${where}: ok`);
      }
    }
    // A report of an entry point the package no longer has.
    const folder = join(pkg.folder, 'api');
    for (const file of existsSync(folder) ? readdirSync(folder) : []) {
      if (!file.endsWith('.api.md') || expected.has(file)) continue;
      if (mode === 'update') {
        rmSync(join(folder, file));
        console.log(`${relative(root, join(folder, file))}: removed (no such entry point)`);
      } else {
        failures.push(
          `${pkg.name}: ${relative(root, join(folder, file))} reports no entry point; run \`npm run api:update\``,
        );
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
if (failures.length > 0) {
  console.error(
    `\napi-report (${mode}) found ${failures.length} problem(s) in ${took}:\n\n${failures.join('\n\n')}`,
  );
  process.exit(1);
}
console.log(
  `\napi-report: ${reports} report(s) ${mode === 'update' ? 'written' : 'match the built packages'} (${took}).`,
);
