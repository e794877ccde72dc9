import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One file starts the API on PGlite, the site and a Chromium: a long set-up.
    hookTimeout: 90_000,
    testTimeout: 60_000,
  },
});
