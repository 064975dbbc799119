// Sealing for everything kept outside the process (sessions, apply records): AES-256-GCM under
// SESSION_ENCRYPTION_KEY, with the key's id beside each value so older keys
// (SESSION_ENCRYPTION_KEYS_OLD) still open what they sealed. The store's key name is the
// associated data, so a value copied under another name does not open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT = 'v1';

/** A short, public name for a key: the start of its SHA-256. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

export class SealError extends Error {}

export class Sealer {
  private readonly current: { id: string; key: Buffer };
  private readonly byId = new Map<string, Buffer>();

  /** `current` seals; it and every `old` key open. Each is 32 bytes. */
  constructor(current: Buffer, old: Buffer[] = []) {
    for (const key of [current, ...old]) {
      if (key.length !== 32) throw new SealError('An encryption key must be 32 bytes.');
      this.byId.set(keyId(key), key);
    }
    this.current = { id: keyId(current), key: current };
  }

  seal(plain: string, name: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(name));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return [FORMAT, this.current.id, ...parts].join('.');
  }

  open(sealed: string, name: string): string {
    const [format, id, iv, tag, body] = sealed.split('.');
    if (format !== FORMAT || !id || !iv || !tag || body === undefined) {
      throw new SealError('A stored value is not in the sealed format.');
    }
    const key = this.byId.get(id);
    if (!key)
      throw new SealError('A stored value was sealed with a key this server does not have.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(name));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      throw new SealError('A stored value did not open: it was changed, or moved from elsewhere.');
    }
  }

  /** Seals a value as JSON. */
  sealJson(value: unknown, name: string): string {
    return this.seal(JSON.stringify(value), name);
  }

  openJson<T>(sealed: string, name: string): T {
    return JSON.parse(this.open(sealed, name)) as T;
  }
}

/** Reads a base64 key of 32 bytes, or says what is wrong with it (never quoting it). */
export function readEncryptionKey(value: string): Buffer | string {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return 'must be base64';
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    return `must be 32 bytes in base64 (this is ${key.length}); make one with: openssl rand -base64 32`;
  }
  return key;
}
