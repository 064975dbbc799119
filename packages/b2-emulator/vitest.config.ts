import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'b2-emulator',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
