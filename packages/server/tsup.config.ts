import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'admin/index': 'src/admin.ts',
    'test-support/index': 'src/test-support/index.ts',
  },
  format: ['esm', 'cjs'],
  // Declarations are their own task (`build:types`: tsup --dts-only), off the path of `npm start`.
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'node',
  treeshake: true,
  // Keep every dependency external: PGlite ships WASM files it loads relative to itself.
  skipNodeModulesBundle: true,
});
