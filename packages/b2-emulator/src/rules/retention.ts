/** A bucket's default Object Lock retention (b2_update_bucket defaultRetention). */
import { badRequest } from '../errors';
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
