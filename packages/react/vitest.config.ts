import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The browser test starts a server on PGlite and a Chromium: a long set-up.
    hookTimeout: 90_000,
    testTimeout: 30_000,
    // Type tests (`*.test-d.ts`) are checked by tsc through vitest; a wrong type fails the run.
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
