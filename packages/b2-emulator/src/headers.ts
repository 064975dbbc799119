/** Reads a request header, for the native and the S3 API alike. */
import type { IncomingHttpHeaders } from 'node:http';

/** One header's value; a header Node keeps as a list (set-cookie) comes back joined by ",". */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

/** A header of a native call or an S3 request. */
export const header = (
  request: { headers: IncomingHttpHeaders },
  name: string,
): string | undefined => headerValue(request.headers, name);
