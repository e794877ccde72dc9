import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import { pureSchemas } from './tsup.pure-schemas';

/**
 * Swaps `./object` (compiled parsers) for `./object.browser` (zod/mini's interpreter, smaller),
 * `./compile-check` for `./compile-check.browser` (no check: browsers validate with zod alone), and
 * `./open-enum` for `./open-enum.browser` (no JSON Schema metadata).
 */
function browserObjects(): Plugin {
  return {
    name: 'wsc-browser-objects',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\/(?:object|compile-check|open-enum)$/ }, (args) => ({
        path: resolve(args.resolveDir, `${args.path}.browser.ts`),
      }));
    },
  };
}

// Declarations are their own task (`build:types`: `tsup --dts-only`), off the path of `npm start`;
// that run builds the main entries' declarations alone (the browser build has none).
export default defineConfig((flags) => {
  const main: Options = {
    // The main entry is also what a browser imports (see the `browser` build below); the other
    // entries stay out of its size budget.
    entry: {
      index: 'src/index.ts',
      'rules/index': 'src/rules/index.ts',
      'locales/index': 'src/locales/index.ts',
      // One language alone, for pages that load only the reader's (the widgets' message chunks).
      'locales/ar': 'src/locales/ar.ts',
      'locales/zh': 'src/locales/zh.ts',
      'locales/en': 'src/locales/en.ts',
      'locales/fr': 'src/locales/fr.ts',
      'locales/ru': 'src/locales/ru.ts',
      'locales/es': 'src/locales/es.ts',
      'partner/index': 'src/partner-api.ts',
      'catalogue/index': 'src/catalogue/index.ts',
      'problems/index': 'src/problems.ts',
    },
    format: ['esm', 'cjs'],
    dts: false,
    // `npm run build` empties dist first: two configs build into it at once.
    clean: false,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    // Lets browser bundles drop the schemas they do not import (see tsup.pure-schemas.ts).
    esbuildPlugins: [pureSchemas()],
  };
  const browser: Options = {
    // `exports["."].browser`: the same schemas with zod/mini's interpreted object parser.
    entry: { 'browser/index': 'src/index.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    platform: 'browser',
    treeshake: true,
    esbuildPlugins: [browserObjects(), pureSchemas()],
  };
  const declarationsOnly = typeof flags.dts === 'object' && flags.dts.only === true;
  return declarationsOnly ? [main] : [main, browser];
});
