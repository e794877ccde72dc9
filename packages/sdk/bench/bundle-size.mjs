// Browser bundle size of `import { WscClient } from '@wsc/sdk'` (with axios and the @wsc/models
// schemas it validates with); `byPackage` is minified bytes before gzip: esbuild, minified, gzip. Needs a build first (`npm run build`).
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUDGET_BYTES = 32 * 1024;

export async function measureBrowserBundle() {
  const result = await build({
    stdin: {
      contents: "import { WscClient } from '@wsc/sdk'; globalThis.WscClient = WscClient;",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const byPackage = {};
  const [output] = Object.values(result.metafile.outputs);
  for (const [file, info] of Object.entries(output.inputs)) {
    const owner = file.includes('axios')
      ? 'axios'
      : file.includes('zod')
        ? 'zod'
        : file.includes('models')
          ? '@wsc/models'
          : '@wsc/sdk';
    byPackage[owner] = (byPackage[owner] ?? 0) + info.bytesInOutput;
  }
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, byPackage };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await measureBrowserBundle();
  console.log(
    JSON.stringify({ ...size, budget: BUDGET_BYTES, withinBudget: size.gzip <= BUDGET_BYTES }, null, 2),
  );
  if (size.gzip > BUDGET_BYTES) process.exitCode = 1;
}
