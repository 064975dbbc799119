// Request bodies through the shared schemas; the parsed value (defaults included) is what we use.
import { issuesFromZodError } from '@b2wiz/shared';
import type { z } from 'zod';
import { AppError } from '../errors/app-error';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issues = issuesFromZodError(parsed.error).map((i) => ({
    field: i.field === '' ? 'body' : i.field,
    message: i.message,
  }));
  const first = issues[0] ?? { field: 'body', message: 'The request is not valid.' };
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
      : '';
  throw new AppError(400, 'invalid_request', `${first.message}${more}`, {
    field: first.field,
    issues,
  });
}
