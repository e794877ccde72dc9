import { defineConfig } from 'tsup';

export default defineConfig({
  // The main entry is what a browser imports; the other entries stay out of its size budget.
  entry: {
    index: 'src/index.ts',
    'rules/index': 'src/rules/index.ts',
    'locales/index': 'src/locales/index.ts',
    'partner/index': 'src/partner-api.ts',
    'catalogue/index': 'src/catalogue/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
});
