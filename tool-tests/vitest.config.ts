import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'tool-tests',
    environment: 'node',
    include: ['**/*.test.ts'],
    // Real tools (rclone, restic, aws, s3cmd, litestream) run against the emulator.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
