#!/usr/bin/env node
// Checks every published workspace package the way a consumer meets it: publint on the package,
// attw on the packed tarball, and the budgets of .ci/size-budgets.json: "bundles", browser bundles
// of entry points (esbuild, minified, gzip), and "embed", what a partner page downloads through the
// widgets' embed script (read from packages/widgets/dist/embed/manifest.json, gzip).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  embedBudgetRows,
  embedSizes,
  formatTable,
  readManifest,
  sharedBreakdown,
} from '../packages/widgets/scripts/embed-sizes.mjs';
import { browserBundleGzipBytes } from './browser-bundle.mjs';

const root = resolve(import.meta.dirname, '..');
const budgetsFile = join(import.meta.dirname, 'size-budgets.json');
const budgets = JSON.parse(readFileSync(budgetsFile, 'utf8'));
// attw's node16 profile: every package needs Node 20.19+ ("engines"), so node10 resolution of subpaths is moot.
// ESM-only packages (@wsc/widgets, @wsc/react) get the esm-only profile: they have no CommonJS build
// to resolve to, and Node 20.19+ loads them from `require` anyway.
const failures = [];

/** No `require` condition anywhere in `exports`: the package ships ES modules only. */
function isEsmOnly(manifest) {
  return manifest.type === 'module' && !JSON.stringify(manifest.exports ?? {}).includes('"require"');
}

/**
 * attw's entry points beyond its own discovery: the subpaths a pattern export (`./elements/*`)
 * reaches in the packed files, which attw otherwise skips as "(wildcard)"; and, left out, the
 * subpaths whose target is a plain string, files handed out as they are (the embed script, JSON).
 */
function attwEntrypoints(manifest, packedFiles) {
  const include = [];
  const exclude = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target === 'string') {
      exclude.push(subpath);
      continue;
    }
    if (!subpath.includes('*')) continue;
    const file = target.import?.default ?? target.default;
    const [prefix, suffix] = file.replace(/^\.\//, '').split('*');
    for (const { path } of packedFiles)
      if (path.startsWith(prefix) && path.endsWith(suffix))
        include.push(subpath.replace('*', path.slice(prefix.length, path.length - suffix.length)));
  }
  return [
    ...(include.length > 0 ? ['--include-entrypoints', ...include] : []),
    ...(exclude.length > 0 ? ['--exclude-entrypoints', ...exclude] : []),
  ];
}

function run(command, args, cwd) {
  try {
    return { ok: true, output: execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

const packageFolders = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .filter((folder) => existsSync(join(folder, 'package.json')));

for (const folder of packageFolders) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  for (const field of ['exports', 'types', 'sideEffects', 'engines', 'license', 'repository']) {
    if (manifest[field] === undefined) failures.push(`${manifest.name}: package.json lacks "${field}"`);
  }
  const publint = run('npx', ['publint', '--strict'], folder);
  console.log(`publint ${manifest.name}: ${publint.ok ? 'ok' : 'FAILED'}`);
  // --strict turns publint's warnings into a failing exit code.
  if (!publint.ok) failures.push(`${manifest.name}: publint\n${publint.output}`);
  const packDir = mkdtempSync(join(tmpdir(), 'wsc-pack-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', packDir], folder);
  if (!pack.ok) {
    failures.push(`${manifest.name}: npm pack\n${pack.output}`);
    continue;
  }
  const [packed] = JSON.parse(pack.output);
  const unwanted = packed.files.filter((file) =>
    /(\.test\.|\.test-d\.|__fixtures__|\/src\/)/.test(file.path),
  );
  if (unwanted.length > 0)
    failures.push(`${manifest.name}: tarball holds ${unwanted.map((f) => f.path).join(', ')}`);
  const profile = isEsmOnly(manifest) ? 'esm-only' : 'node16';
  const attw = run(
    'npx',
    [
      'attw',
      join(packDir, packed.filename),
      '--profile',
      profile,
      '--format',
      'table-flipped',
      ...attwEntrypoints(manifest, packed.files),
    ],
    folder,
  );
  console.log(
    `attw ${manifest.name}: ${attw.ok ? 'ok' : 'FAILED'} (profile ${profile}, ${packed.files.length} files, ${packed.size} bytes packed)`,
  );
  if (!attw.ok) failures.push(`${manifest.name}: attw\n${attw.output}`);
  rmSync(packDir, { recursive: true, force: true });
}

for (const [name, entries] of Object.entries(budgets.bundles)) {
  for (const [specifier, budget] of Object.entries(entries)) {
    const bytes = await browserBundleGzipBytes(specifier);
    const verdict = bytes <= budget ? 'ok' : 'OVER BUDGET';
    console.log(`size ${name} (${specifier}): ${bytes} bytes gzipped, budget ${budget} bytes: ${verdict}`);
    if (bytes > budget) failures.push(`${specifier}: ${bytes} bytes gzipped is over its budget of ${budget}`);
  }
}

// The embed: the loader, the shared chunks, each element's chunk, each language's messages and
// the total of a page with one element (the binding budget), from the embed build's manifest.
const embedManifest = join(root, budgets.embed.manifest);
if (!existsSync(embedManifest)) {
  failures.push(`${budgets.embed.manifest} is missing: build @wsc/widgets first`);
} else {
  const sizes = embedSizes(readManifest(embedManifest));
  const rows = embedBudgetRows(sizes, budgets.embed);
  console.log(`\nembed budgets (${budgets.embed.manifest}):\n${formatTable(rows)}`);
  console.log(
    `chunks some elements share: ${sizes.shared.files.join(', ')} (${sizes.shared.gzip} bytes in all)`,
  );
  for (const row of rows.filter((row) => !row.ok))
    failures.push(`embed: ${row.what}: ${row.bytes} bytes gzipped is over its budget of ${row.budget}`);
  if (sizes.vendor.gzip > budgets.embed.shared) {
    // Say what takes the bytes, from esbuild's metafile of the same build.
    const metafileFile = join(embedManifest, '../../embed-metafile.json');
    if (existsSync(metafileFile)) {
      const owners = sharedBreakdown(JSON.parse(readFileSync(metafileFile, 'utf8')), sizes.vendor.files);
      console.log(
        `shared chunks by package (minified bytes): ${owners.map(([owner, bytes]) => `${owner} ${bytes}`).join(', ')}`,
      );
    }
  }
}

if (failures.length > 0) {
  console.error(`\ncheck:packages found ${failures.length} problem(s):\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log('\ncheck:packages: every published package is clean.');
