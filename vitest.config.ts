import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sim/**/*.test.ts', 'scripts/**/*.test.ts', 'viz/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Statistical tests run many replications; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
