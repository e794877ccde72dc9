// Small VitePress sites built with the documentation's own configuration and theme, for the tests
// that need a build (a broken link, the live widgets) without waiting for the whole site.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { docsDirectory } from './servers';

const vitepress = join(
  dirname(createRequire(import.meta.url).resolve('vitepress/package.json')),
  'bin',
  'vitepress.js',
);

/**
 * Writes a site of these pages under test/.fixtures/<name> (inside docs/, so that its configuration
 * resolves the same packages) and builds it; resolves to its output folder.
 */
export async function buildFixture(name: string, pages: Record<string, string>): Promise<string> {
  const root = join(docsDirectory, 'test', '.fixtures', name);
  rmSync(root, { recursive: true, force: true });
  const files: Record<string, string> = {
    ...pages,
    // The real configuration (head, custom elements, search, dead links) without the real sidebar.
    '.vitepress/config.mts': [
      "import config from '../../../../.vitepress/config.mts';",
      'export default { ...config, srcExclude: [], themeConfig: { ...config.themeConfig, nav: [], sidebar: {} } };',
    ].join('\n'),
    '.vitepress/theme/index.ts': "export { default } from '../../../../../.vitepress/theme/index';\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  // `vitepress build` as a reader runs it, in its own process (not inside the test runner's loader).
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [vitepress, 'build', root], { maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      error ? reject(new Error(`vitepress build failed:\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
  return join(root, '.vitepress', 'dist');
}
