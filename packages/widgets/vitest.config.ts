import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser files each start a server on PGlite and a Chromium: long set-ups, few files.
    hookTimeout: 90_000,
    testTimeout: 30_000,
  },
});
