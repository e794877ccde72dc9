import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The files start the API on PGlite, VitePress builds and Chromium: long set-ups on two cores.
    hookTimeout: 180_000,
    testTimeout: 120_000,
    // One file at a time: each starts a server (and some a browser) on a two-core machine.
    fileParallelism: false,
  },
});
