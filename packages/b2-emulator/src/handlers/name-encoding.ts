/** File and bucket names in native URLs and headers: percent-encoded UTF-8, "/" kept as is. */
import { badRequest } from '../errors';

export function decodeName(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest(`${what} is not valid percent-encoded UTF-8`);
  }
}

export const encodeName = (name: string): string =>
  name.split('/').map(encodeURIComponent).join('/');
