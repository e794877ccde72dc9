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
  dts: true,
  clean: true,
  sourcemap: true,
  splitting: true,
  target: 'es2022',
  treeshake: true,
});
