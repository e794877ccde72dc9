import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser files each start a server on PGlite and a Chromium: long set-ups, few files.
    hookTimeout: 90_000,
    // One file at a time: each starts a server and a Chromium, and the live-update checks hold
    // within a second only when two of them are not fighting over the machine's two cores.
    fileParallelism: false,
    testTimeout: 30_000,
  },
});
