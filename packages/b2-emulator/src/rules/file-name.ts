/** File names (B2's "Files" docs; b2sdk checks the same before sending): 400 bad_request when wrong. */
import { badRequest } from '../errors';

export function checkFileName(name: string): string {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes < 1 || bytes > 1024) throw badRequest('File names must be 1 to 1024 bytes of UTF-8');
  if ([...name].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127))
    throw badRequest('File names must not contain control characters');
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) {
    throw badRequest('File names must not start or end with "/" nor contain "//"');
  }
  if (name.split('/').some((s) => Buffer.byteLength(s, 'utf8') > 250)) {
    throw badRequest('Each "/"-separated part of a file name must be at most 250 bytes');
  }
  return name;
}
