/** Random identifiers shaped like B2's. */
import { randomBytes, randomInt } from 'node:crypto';

export const randomHex = (chars: number): string =>
  randomBytes(Math.ceil(chars / 2))
    .toString('hex')
    .slice(0, chars);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = BASE64.slice(0, 62);

/**
 * How generated application key secrets look. Real secrets are 31 characters: "K" + 3-digit cluster
 * + 27 base64 characters, so they can contain "/" and "+".
 * - "base64" (default): random base64; about half contain "/" or "+".
 * - "alphanumeric": never "/" or "+".
 * - "with-special": always contains both "/" and "+" (to test quoting in config files).
 */
export type SecretStyle = 'base64' | 'alphanumeric' | 'with-special';

export function newSecret(cluster: string, style: SecretStyle): string {
  const alphabet = style === 'alphanumeric' ? ALNUM : BASE64;
  const chars = Array.from({ length: 27 }, () => alphabet[randomInt(alphabet.length)]!);
  if (style === 'with-special') {
    const a = randomInt(27);
    const b = (a + 1 + randomInt(26)) % 27;
    chars[a] = '/';
    chars[b] = '+';
  }
  return `K${cluster}${chars.join('')}`;
}

/** Account and upload tokens look like B2's "4_<keyId>_<hex>_<hex>_acct_<base64>=" tokens. */
export function newToken(keyId: string, kind: 'acct' | 'upld' | 'down'): string {
  const tail = randomBytes(20).toString('base64url').slice(0, 27);
  return `4_${keyId}_${randomHex(8)}_${randomHex(6)}_${kind}_${tail}=`;
}

export const newBucketId = (): string => randomHex(24);

export const newFileId = (bucketId: string, cluster: string, now: number): string =>
  `4_z${bucketId}_f${randomHex(15)}_d${new Date(now).toISOString().slice(0, 10).replaceAll('-', '')}_m${randomHex(6)}_c${cluster}_v${randomHex(7)}_t${randomHex(4)}`;
