#!/usr/bin/env node
// Checks every published workspace package the way a consumer meets it: publint on the package,
// attw on the packed tarball, and the browser bundle budgets of .ci/size-budgets.json (esbuild, minified, gzip).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const budgetsFile = join(import.meta.dirname, 'size-budgets.json');
const budgets = JSON.parse(readFileSync(budgetsFile, 'utf8'));
// attw's node16 profile: every package needs Node 20.19+ ("engines"), so node10 resolution of subpaths is moot.
const failures = [];

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
  const attw = run(
    'npx',
    ['attw', join(packDir, packed.filename), '--profile', 'node16', '--format', 'table-flipped'],
    folder,
  );
  console.log(
    `attw ${manifest.name}: ${attw.ok ? 'ok' : 'FAILED'} (${packed.files.length} files, ${packed.size} bytes packed)`,
  );
  if (!attw.ok) failures.push(`${manifest.name}: attw\n${attw.output}`);
  rmSync(packDir, { recursive: true, force: true });
}

for (const [name, entries] of Object.entries(budgets)) {
  for (const [specifier, budget] of Object.entries(entries)) {
    const scratch = mkdtempSync(join(tmpdir(), 'wsc-size-'));
    const entry = join(scratch, 'entry.mjs');
    writeFileSync(entry, `import * as all from '${specifier}';\nglobalThis.__keep = all;\n`);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'silent',
    });
    const bytes = gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
    const verdict = bytes <= budget ? 'ok' : 'OVER BUDGET';
    console.log(`size ${name} (${specifier}): ${bytes} bytes gzipped, budget ${budget} bytes: ${verdict}`);
    if (bytes > budget) failures.push(`${specifier}: ${bytes} bytes gzipped is over its budget of ${budget}`);
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (failures.length > 0) {
  console.error(`\ncheck:packages found ${failures.length} problem(s):\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log('\ncheck:packages: every published package is clean.');
