// The mutation config without the two slowest tests (fault matrix, input fuzz), which
// every surviving services mutant would otherwise re-run. Its score is a lower bound.
import { defineConfig, mergeConfig } from 'vitest/config';
import stryker from './vitest.stryker.config';

export default mergeConfig(
  stryker,
  defineConfig({
    test: {
      exclude: ['test/reliability/fault-matrix.test.ts', 'test/reliability/bad-input-fuzz.test.ts'],
    },
  }),
);
