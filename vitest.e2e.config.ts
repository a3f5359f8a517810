import { defineConfig } from 'vitest/config';

/** End-to-end: the built app in browser mode, driven in Chromium. Run by `npm run test:e2e`. */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
