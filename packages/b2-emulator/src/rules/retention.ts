/** A bucket's default Object Lock retention (b2_update_bucket defaultRetention). */
import { B2Error, badRequest } from '../errors';
import { isPositiveInt } from './positive-integer';

export interface DefaultRetention {
  mode: 'governance' | 'compliance' | null;
  period: { duration: number; unit: 'days' | 'years' } | null;
}

export function checkDefaultRetention(value: unknown): DefaultRetention {
  if (typeof value !== 'object' || value === null)
    throw badRequest('defaultRetention must be an object');
  const { mode, period } = value as { mode?: unknown; period?: unknown };
  if (mode === null || mode === undefined) {
    if (period !== null && period !== undefined)
      throw badRequest('defaultRetention: period requires a mode');
    return { mode: null, period: null };
  }
  if (mode !== 'governance' && mode !== 'compliance') {
    throw badRequest(`defaultRetention: unknown mode ${JSON.stringify(mode)}`);
  }
  if (typeof period !== 'object' || period === null)
    throw badRequest('defaultRetention: period is required');
  const { duration, unit } = period as { duration?: unknown; unit?: unknown };
  if (!isPositiveInt(duration))
    throw badRequest('defaultRetention: period.duration must be a positive integer');
  if (unit !== 'days' && unit !== 'years')
    throw badRequest('defaultRetention: period.unit must be days or years');
  return { mode, period: { duration, unit } };
}

/** A file version's own retention: B2 gives each upload the bucket's default at that time. */
export interface FileRetention {
  mode: 'governance' | 'compliance';
  retainUntilTimestamp: number;
}

/** The retention a file uploaded at `now` gets from its bucket, if the bucket has one. */
export function retentionForUpload(
  fileLockEnabled: boolean,
  setting: DefaultRetention,
  now: number,
): FileRetention | undefined {
  if (!fileLockEnabled || setting.mode === null || setting.period === null) return undefined;
  const { duration, unit } = setting.period;
  let until: number;
  if (unit === 'days') {
    until = now + duration * 86_400_000;
  } else {
    const date = new Date(now);
    date.setUTCFullYear(date.getUTCFullYear() + duration);
    until = date.getTime();
  }
  return { mode: setting.mode, retainUntilTimestamp: until };
}

/**
 * Whether a delete of this version is refused: compliance until the date, governance unless the
 * caller asked to bypass it and may. B2 answers 403 access_denied (b2sdk's RawSimulator).
 */
export function lockedAgainstDelete(
  retention: FileRetention | undefined,
  now: number,
  bypass: { asked: boolean; allowed: boolean },
): B2Error | null {
  if (!retention || retention.retainUntilTimestamp <= now) return null;
  if (retention.mode === 'governance' && bypass.asked && bypass.allowed) return null;
  return new B2Error(
    403,
    'access_denied',
    retention.mode === 'compliance'
      ? 'The file is under compliance retention and cannot be deleted until its retention date.'
      : 'The file is under governance retention: deleting it needs bypassGovernance.',
  );
}
