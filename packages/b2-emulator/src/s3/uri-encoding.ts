/** S3's URI encoding, and query strings split as S3 reads them. */
import { invalidArgument } from './s3-errors';

/** Splits a raw query string without reading "+" as a space (S3 clients encode spaces as %20). */
export function parseQuery(raw: string): [string, string][] {
  if (raw === '') return [];
  return raw
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [decodeUriPart(name), decodeUriPart(value)];
    });
}

export function decodeUriPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidArgument(`'${text}' is not valid percent-encoded UTF-8`);
  }
}

/** S3's URI encoding of one path segment or query word: everything but A-Z a-z 0-9 - . _ ~ is %XX. */
export const s3Encode = (text: string): string =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
