// Every file a setup yields: the target's files from the registry, and the summary.
import type { GeneratedFile } from '../schemas/api';
import { CONFIG_FILES } from './registry';
import { setupSummary } from './setup-summary';
import type { ConfigValues } from './types';

/** Throws ConfigValueError when a value cannot be written safely into one of the files. */
export function generateFiles(values: ConfigValues): GeneratedFile[] {
  const files = CONFIG_FILES[values.target].map((f) => f.generate(values));
  return [...files, setupSummary(values)];
}
