import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  // Declarations are their own task (`build:types`: tsup --dts-only), off the path of `npm start`.
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
});
