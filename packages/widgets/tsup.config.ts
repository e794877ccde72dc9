import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'tsup';
import { EMBEDDED_ELEMENTS } from './src/embed/elements';

// The npm build: ES modules for bundlers (`@wsc/widgets`, `@wsc/widgets/define`,
// `@wsc/widgets/elements/<name>`), dependencies left as imports. The embed build
// (scripts/build-embed.mjs) bundles the same modules for the one-script tag.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    define: 'src/define.ts',
    ...Object.fromEntries(
      EMBEDDED_ELEMENTS.map(({ module }) => [`elements/${module.split('/').pop()}`, `src/${module}.ts`]),
    ),
  },
  format: ['esm'],
  // Declarations are their own task (`build:types`: tsup --dts-only), off the path of `npm start`.
  dts: false,
  clean: true,
  sourcemap: true,
  splitting: true,
  target: 'es2022',
  treeshake: true,
  // The map's geometry goes beside whichever built module asks for it with
  // `new URL('./countries-110m.json', import.meta.url)` (bundlers then emit it as an asset).
  async onSuccess() {
    const geometry = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
    for (const folder of ['dist', 'dist/elements']) {
      const asks = readdirSync(folder).some(
        (file) =>
          file.endsWith('.js') && readFileSync(join(folder, file), 'utf8').includes('./countries-110m.json'),
      );
      if (asks) copyFileSync(geometry, join(folder, 'countries-110m.json'));
    }
  },
});
