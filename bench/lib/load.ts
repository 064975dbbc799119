// The load generator's helpers shared by the concurrency benches: many applies released at once,
// each session on one of the emulators' master keys.
import type { Emulators } from './emulators';

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Every item starts at the same moment; answers each one's elapsed milliseconds. */
export function atOnce<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<number[]> {
  return Promise.all(
    items.map(async (item) => {
      const started = performance.now();
      await work(item);
      return performance.now() - started;
    }),
  );
}

/** The master key of the emulator account that session `i` uses (round robin). */
export const masterOf = (emulators: Emulators, i: number) => {
  const m = emulators.instances[i % emulators.instances.length]!;
  return { applicationKeyId: m.masterKeyId, applicationKey: m.masterKey };
};
