import { ConfigValueError } from '../src/config-files/config-values';

/** The ConfigValueError that `run` throws; fails the test when it throws nothing or another error. */
export function configErrorOf(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigValueError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('Expected a ConfigValueError, but nothing was thrown.');
}
