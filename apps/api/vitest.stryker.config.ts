// The API's tests for mutation runs: all but those that start the server as its own process,
// which Stryker's sandbox cannot run (they test start-up and shutdown, not src/services or src/b2).
// Without isolation the test runner keeps its modules between mutants, which makes a run about
// three times faster; every test file starts and stops its own emulator and app, so none leaks.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      isolate: false,
      exclude: [
        'test/server.test.ts',
        'test/reliability/graceful-shutdown.test.ts',
        'test/litestream-setup.test.ts',
        'test/redis/restart.test.ts',
        'test/redis/nginx.test.ts',
        'test/redis/crash.test.ts',
        'test/sandbox-server.test.ts',
        '**/node_modules/**',
      ],
    },
  }),
);
