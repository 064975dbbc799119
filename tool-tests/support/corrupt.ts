// Broken generators, simulated on a good file: the key ID and the application key swapped, or the
// region changed. Each tool must then fail, which proves its test would catch such a generator bug.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SandboxSetup } from './sandbox-setup';
import type { RunResult } from './tools';

export const WRONG_REGION = 'us-east-1';

/** Every occurrence of the key ID becomes the application key and the other way round. */
export function swapKeyPair(content: string, keyId: string, key: string): string {
  const placeholder = '\u0000KEY-ID\u0000';
  const swapped = content
    .replaceAll(keyId, placeholder)
    .replaceAll(key, keyId)
    .replaceAll(placeholder, key);
  if (swapped === content)
    throw new Error('swapKeyPair: the file holds neither the key ID nor the key');
  return swapped;
}

/** Every occurrence of the region becomes another region. */
export function changeRegion(content: string, region: string, to = WRONG_REGION): string {
  if (!content.includes(region))
    throw new Error(`changeRegion: the file does not hold the region ${region}`);
  return content.replaceAll(region, to);
}

/** How a broken generator may have got a file wrong. */
export type Breakage = 'swapped' | 'region';

/** The setup's generated `file` as a generator with `breakage` would have written it. */
export function brokenFile(setup: SandboxSetup, file: string, breakage: Breakage): string {
  const content = setup.file(file);
  if (breakage === 'region') return changeRegion(content, setup.result.endpoint.s3Region);
  const { applicationKeyId, applicationKey } = setup.result.key;
  return swapKeyPair(content, applicationKeyId, applicationKey);
}

/** Writes brokenFile(…) into the work dir as `<breakage>-<file>` and answers that name. */
export function saveBroken(setup: SandboxSetup, file: string, breakage: Breakage): string {
  const name = `${breakage}-${file}`;
  writeFileSync(join(setup.dir, name), brokenFile(setup, file, breakage));
  return name;
}

/** The tool failed on a broken file: a non-zero exit, and `why` in what it printed. */
export function expectFailure(res: RunResult, why: RegExp): void {
  expect(res.code, res.output).not.toBe(0);
  expect(res.output).toMatch(why);
}
