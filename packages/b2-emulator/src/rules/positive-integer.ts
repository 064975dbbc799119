/** Day counts and durations in B2's rules are whole numbers from 1 up. */
export const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1;
