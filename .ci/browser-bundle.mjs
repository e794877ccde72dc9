// The browser bundle of an entry point as a web page would download it: `import * as all from
// '<specifier>'` bundled by esbuild (minified, ESM, browser), gzip -9, in bytes. `npm run
// check:packages` holds the result to .ci/size-budgets.json; `npm run bench` reports it against the
// issues' targets. One function, so both measure the same thing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/**
 * Gzip bytes of everything `specifier` exports, bundled for a browser.
 *
 * @example
 * await browserBundleGzipBytes('@wsc/sdk'); // 37,875
 */
export async function browserBundleGzipBytes(specifier) {
  const scratch = mkdtempSync(join(tmpdir(), 'wsc-size-'));
  try {
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
    return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
