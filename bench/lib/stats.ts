// Order statistics for timing samples.

export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Linear interpolation between closest ranks (the usual "type 7" definition).
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Milliseconds since `start` (a performance.now() reading). */
export const since = (start: number): number => performance.now() - start;
