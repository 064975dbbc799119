import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'shared',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Pure functions and no module state: sharing one context per worker is safe, and 4x faster.
    pool: 'threads',
    isolate: false,
  },
});
