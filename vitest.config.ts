import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          // A ceiling for a test that is failing, never a speed requirement: CI and the checks run
          // on shared 2-core machines at load 10, where a 10,000-row import took over 30 s.
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          // jsdom plus user-event on a busy shared 2-core machine can take many seconds per test;
          // tests wait on state, so a generous ceiling only matters for a test that is failing.
          testTimeout: 120_000,
        },
      },
    ],
  },
});
