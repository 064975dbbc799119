/** Application key names and lifetimes (docs/b2-behaviour.md, "Application keys"). */
import { badRequest } from '../errors';

export function checkKeyName(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('keyName is required');
  if (!/^[A-Za-z0-9-]{1,100}$/.test(value)) {
    throw badRequest(`illegal key name: ${value} (1 to 100 letters, digits and "-")`);
  }
  return value;
}

export const MAX_KEY_DURATION_SECONDS = 86_400_000;

export function checkValidDuration(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_KEY_DURATION_SECONDS
  ) {
    throw badRequest('valid duration must be greater than 0, and less than 1000 days in seconds');
  }
  return value;
}
