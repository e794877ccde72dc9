import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser test builds the app with Vite, starts a server on PGlite and a Chromium.
    hookTimeout: 90_000,
    testTimeout: 30_000,
  },
});
