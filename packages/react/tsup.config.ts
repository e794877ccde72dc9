import { defineConfig } from 'tsup';

export default defineConfig({
  // One module per source file: with `sideEffects: false` a bundler then drops the components a
  // page does not use, and with them the element code their `@wsc/widgets/elements/…` import defines.
  // Not bundled: dist/ mirrors src/ (hence the `.js` in the sources' relative imports).
  entry: ['src/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts'],
  bundle: false,
  format: ['esm'],
  // Declarations are their own task (`build:types`: tsup --dts-only), off the path of `npm start`.
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The components render custom elements that live in the browser: Next.js must treat every
  // module as client code. (Set as a banner: esbuild drops directives from the sources it bundles.)
  banner: { js: "'use client';" },
});
