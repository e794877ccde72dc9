// Loads every entry point (`exports` subpath) of every @wsc package installed in the scratch
// project, by `import` and by `require`, run by .ci/check-consumer.mjs. It prints one JSON line:
// per package its version and, per entry point, the names each module system sees.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const facts = {};
for (const folder of readdirSync('node_modules/@wsc').sort()) {
  const name = `@wsc/${folder}`;
  const manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  const entries = {};
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target !== 'object') continue;
    const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`;
    try {
      const esm = Object.keys(await import(specifier)).filter((key) => key !== 'default');
      const cjs = Object.keys(require(specifier)).filter((key) => key !== '__esModule');
      entries[subpath] = { esm: esm.sort(), cjs: cjs.sort() };
    } catch (error) {
      entries[subpath] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  facts[name] = { version: manifest.version, entries };
}
console.log(JSON.stringify(facts));
