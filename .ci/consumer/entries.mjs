// Loads every entry point (`exports` subpath) of every @wsc package installed in the scratch
// project, by `import` and by `require` (an ESM-only package through Node's require of ES
// modules), run by .ci/check-consumer.mjs. It prints one JSON line: per package its version and,
// per entry point, the names each module system sees, and whether the package declares the entry
// a side effect (`sideEffects`: imported for what it does, such as defining custom elements).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A subpath and its target file, or for a pattern (`./elements/*`) one per file it reaches. */
function subpaths(folder, subpath, target) {
  const file = target.import?.default ?? target.default;
  if (!subpath.includes('*')) return [[subpath, file]];
  const [prefix, suffix] = file.split('*');
  const directory = `${folder}/${prefix.slice(0, prefix.lastIndexOf('/') + 1)}`;
  const start = prefix.slice(prefix.lastIndexOf('/') + 1);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.startsWith(start) && name.endsWith(suffix))
    .map((name) => {
      const match = name.slice(start.length, name.length - suffix.length);
      return [subpath.replace('*', match), file.replace('*', match)];
    });
}

/** Whether `sideEffects` names `file` (`./dist/define.js`, or a pattern such as `./dist/elements/*.js`). */
function isSideEffect(manifest, file) {
  if (!Array.isArray(manifest.sideEffects)) return manifest.sideEffects !== false;
  const path = file.replace(/^\.\//, '');
  return manifest.sideEffects.some((pattern) => {
    const [prefix, suffix = ''] = pattern.replace(/^\.\//, '').split('*');
    return pattern.includes('*') ? path.startsWith(prefix) && path.endsWith(suffix) : path === prefix;
  });
}

const facts = {};
for (const folder of readdirSync('node_modules/@wsc').sort()) {
  const name = `@wsc/${folder}`;
  const manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  const entries = {};
  for (const [pattern, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target !== 'object') continue;
    for (const [subpath, file] of subpaths(`node_modules/${name}`, pattern, target)) {
      const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`;
      try {
        const esm = Object.keys(await import(specifier)).filter((key) => key !== 'default');
        const cjs = Object.keys(require(specifier)).filter((key) => key !== '__esModule');
        entries[subpath] = { esm: esm.sort(), cjs: cjs.sort(), sideEffect: isSideEffect(manifest, file) };
      } catch (error) {
        entries[subpath] = { error: error instanceof Error ? error.message : String(error) };
      }
    }
  }
  facts[name] = { version: manifest.version, entries };
}
console.log(JSON.stringify(facts));
