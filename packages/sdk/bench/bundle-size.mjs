// Browser bundle size of `import { WscClient } from '@wsc/sdk'` (with axios and the @wsc/models
// schemas it validates with): esbuild, minified, gzip -9, in bytes. `byPackage` is minified bytes
// before gzip; `gzipLayers` splits the gzip size by bundling with parts left out (gzip is not
// additive, so the layers are estimates that sum to the total). Needs a build first (`npm run build`).
// `node bench/bundle-size.mjs` prints JSON with `withinBudget` against the 32 KB target; benchmarks
// report, they do not fail (check:packages enforces the committed budget of .ci/size-budgets.json).
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The target (#5): 32 KB gzipped, axios included. */
export const BUDGET_BYTES = 32 * 1024;

const CLIENT_ENTRY = "import { WscClient } from '@wsc/sdk'; globalThis.WscClient = WscClient;";
const ZOD = ['zod', 'zod/*'];
const MODELS = ['@wsc/models', '@wsc/models/*'];

function ownerOf(file) {
  if (file.includes('node_modules/axios/')) return 'axios';
  if (file.includes('node_modules/zod/')) return 'zod';
  if (file.includes('/models/')) return '@wsc/models';
  return '@wsc/sdk';
}

/**
 * Bundles `contents` for a browser; returns minified and gzip bytes and minified bytes per package.
 *
 * @example
 * const { gzip } = await bundle("export { default } from 'axios';");
 */
export async function bundle(contents, external = []) {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
  });
  const code = result.outputFiles[0].contents;
  const byPackage = {};
  const [output] = Object.values(result.metafile.outputs);
  for (const [file, info] of Object.entries(output.inputs)) {
    const owner = ownerOf(file);
    byPackage[owner] = (byPackage[owner] ?? 0) + info.bytesInOutput;
  }
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, byPackage };
}

/**
 * The client's browser bundle, with its gzip size split into layers: axios alone, the SDK's own
 * code alone, and the rest (the @wsc/models schemas and the zod/mini code they need).
 *
 * @example
 * const { gzip, gzipLayers } = await measureBrowserBundle();
 */
export async function measureBrowserBundle() {
  const [full, axiosAlone, sdkAlone] = await Promise.all([
    bundle(CLIENT_ENTRY),
    bundle("import axios from 'axios'; globalThis.axios = axios;"),
    bundle(CLIENT_ENTRY, ['axios', ...ZOD, ...MODELS]),
  ]);
  return {
    minified: full.minified,
    gzip: full.gzip,
    byPackage: full.byPackage,
    gzipLayers: {
      axios: axiosAlone.gzip,
      '@wsc/sdk': sdkAlone.gzip,
      '@wsc/models + zod': full.gzip - axiosAlone.gzip - sdkAlone.gzip,
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await measureBrowserBundle();
  console.log(
    JSON.stringify({ ...size, budget: BUDGET_BYTES, withinBudget: size.gzip <= BUDGET_BYTES }, null, 2),
  );
}
