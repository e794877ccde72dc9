import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The version goes into the code at build time (`src/version.ts`): nothing reads package.json at run time.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
  format: ['esm', 'cjs'],
  // Declarations are their own task (`build:types`: tsup --dts-only), off the path of `npm start`.
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
  define: { __WSC_SDK_VERSION__: JSON.stringify(version) },
});
