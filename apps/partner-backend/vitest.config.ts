import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each file starts the API on PGlite (about 7 s on two cores); the browser file a Chromium too.
    hookTimeout: 90_000,
    testTimeout: 60_000,
    // Two files, each with its own API and database: one at a time on a two-core machine.
    fileParallelism: false,
  },
});
