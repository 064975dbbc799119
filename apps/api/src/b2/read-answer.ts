// B2's JSON is checked against a schema once, where it arrives; a surprise is one plain error.
import type { z } from 'zod';
import { B2CallError } from './b2-call-error';

export function readAnswer<T>(schema: z.ZodType<T>, data: unknown, call: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new B2CallError(
    502,
    'unexpected_answer',
    'Backblaze gave an answer we did not expect. Check that B2_API_URL points at Backblaze B2.',
    { retryable: false, logDetail: `${call}: answer did not match the expected shape` },
  );
}
