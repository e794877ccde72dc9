#!/usr/bin/env node
// The embed build: dist/embed/ holds what the server serves at /embed/v1/.
//   wsc.js             the loader (classic script, short cache): configuration + which chunk defines which tag
//   chunks/*-HASH.js   ES modules: one entry per element, shared code, one chunk per language's messages
//   assets/*-HASH.*    files fetched at run time (the map's geometry)
// Every file gets .gz and .br siblings the server sends to browsers that accept them.
// It prints a size report (gzipped bytes) and writes dist/embed/manifest.json for the budgets, and
// dist/embed-metafile.json (esbuild's, outside the served folder) for seeing what takes the bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist/embed');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });

const { EMBEDDED_ELEMENTS } = await import(join(root, 'src/embed/elements.ts')).catch(async () => {
  // Node 20 cannot import TypeScript: bundle the list first.
  const listing = await build({
    entryPoints: [join(root, 'src/embed/elements.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript,${encodeURIComponent(listing.outputFiles[0].text)}`);
});

const common = {
  bundle: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  // Arabic, Chinese and Russian messages as UTF-8, not \u escapes: fewer bytes (the server sends charset=utf-8).
  charset: 'utf8',
  logLevel: 'warning',
  tsconfig: join(root, 'tsconfig.json'),
  // The map's geometry is copied to assets/ with a hashed name the element reads from the loader.
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [withoutAxiosFetchAdapter()],
};

/**
 * axios ships three HTTP adapters and picks the first the environment has, in the order xhr,
 * http, fetch. In a browser that is always xhr (its `browser` field already leaves http out), and
 * the SDK's axios instance is private to the chunk, so nothing can ask for fetch: its adapter and
 * the helpers only it uses (streams, multipart bodies, data URLs) are dead weight, about 4.4 KB
 * gzipped of every page. This stands in for it as an adapter the environment lacks, which axios
 * reports as such if it were ever asked for. The SDK itself is unchanged (Node keeps every adapter).
 */
function withoutAxiosFetchAdapter() {
  return {
    name: 'without-axios-fetch-adapter',
    setup(embed) {
      embed.onResolve({ filter: /^\.\/fetch\.js$/ }, (args) =>
        /[\\/]axios[\\/]lib[\\/]adapters[\\/]adapters\.js$/.test(args.importer)
          ? { path: 'axios-fetch-adapter', namespace: 'without-axios-fetch-adapter' }
          : undefined,
      );
      embed.onLoad({ filter: /.*/, namespace: 'without-axios-fetch-adapter' }, () => ({
        contents: 'export const getFetch = () => false;',
        loader: 'js',
      }));
    },
  };
}

// Assets first: their hashed names go into the code.
const assets = {};
for (const [name, source] of [['countries-110m.json', 'world-atlas/countries-110m.json']]) {
  const path = join(root, '../../node_modules', source);
  let content;
  try {
    content = readFileSync(path);
  } catch {
    continue;
  }
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10).toUpperCase();
  const file = `assets/${name.replace(/(\.[^.]+)$/, `-${hash}$1`)}`;
  writeFileSync(join(out, file), content);
  assets[name] = file;
}

const chunks = await build({
  ...common,
  entryPoints: {
    ...Object.fromEntries(
      EMBEDDED_ELEMENTS.map(({ module }) => [basename(module), join(root, 'src', `${module}.ts`)]),
    ),
    // The libraries (lit, the SDK, the schemas) and the widgets' runtime (internal/) as entries:
    // each then goes to a shared chunk of its own even while a single element uses it
    // (src/embed/vendor.ts and runtime.ts say why).
    vendor: join(root, 'src/embed/vendor.ts'),
    runtime: join(root, 'src/embed/runtime.ts'),
  },
  outdir: join(out, 'chunks'),
  format: 'esm',
  splitting: true,
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  metafile: true,
  define: { ...common.define, __WSC_ASSETS__: JSON.stringify(assets) },
});

const chunkOf = {};
// The build-only entries (never loaded by a page): their static imports are the vendor and runtime chunks.
const buildEntries = {};
for (const [file, output] of Object.entries(chunks.metafile.outputs)) {
  if (!output.entryPoint) continue;
  for (const name of ['vendor', 'runtime'])
    if (output.entryPoint.endsWith(`src/embed/${name}.ts`))
      buildEntries[name] = relative(out, resolve(root, file));
  const element = EMBEDDED_ELEMENTS.find(({ module }) => output.entryPoint.endsWith(`src/${module}.ts`));
  if (element) chunkOf[element.tag] = relative(out, resolve(root, file));
}

await build({
  ...common,
  entryPoints: [join(root, 'src/embed/loader.ts')],
  outfile: join(out, 'wsc.js'),
  format: 'iife',
  define: {
    ...common.define,
    __WSC_CHUNKS__: JSON.stringify(chunkOf),
    __WSC_HEAVY__: JSON.stringify(
      EMBEDDED_ELEMENTS.filter((element) => element.heavy).map((element) => element.tag),
    ),
  },
});

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const sizes = {};
for (const path of filesUnder(out)) {
  if (path.endsWith('.map')) continue;
  const content = readFileSync(path);
  const gzip = gzipSync(content, { level: 9 });
  writeFileSync(`${path}.gz`, gzip);
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  sizes[relative(out, path)] = { bytes: content.length, gzip: gzip.length };
}

// What each chunk imports statically (the shared chunks a page needs with it) and dynamically.
const imports = {};
for (const [file, output] of Object.entries(chunks.metafile.outputs)) {
  if (file.endsWith('.map')) continue;
  imports[relative(out, resolve(root, file))] = {
    static: output.imports
      .filter((item) => item.kind === 'import-statement')
      .map((item) => relative(out, resolve(root, item.path))),
    dynamic: output.imports
      .filter((item) => item.kind === 'dynamic-import')
      .map((item) => relative(out, resolve(root, item.path))),
  };
}

writeFileSync(join(root, 'dist/embed-metafile.json'), JSON.stringify(chunks.metafile));
writeFileSync(
  join(out, 'manifest.json'),
  `${JSON.stringify({ elements: chunkOf, entries: buildEntries, assets, sizes, imports }, null, 2)}\n`,
);
const total = Object.values(sizes).reduce((sum, size) => sum + size.gzip, 0);
console.log(
  `embed: ${Object.keys(sizes).length} files, ${total} bytes gzipped in all (dist/embed/manifest.json)`,
);
