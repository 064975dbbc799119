// The handover bundle's encryption, in the browser only: AES-256-GCM under a random key that goes
// into the link's #fragment (browsers never send it), so the server keeps what it cannot read.
import { handoverBundleSchema, type HandoverBundle } from '@b2wiz/shared';

const IV_BYTES = 12;

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A key as the fragment carries it: 32 bytes in base64url, 43 characters. */
export function isHandoverKey(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

export class HandoverUnlockError extends Error {}

/** Encrypts the bundle under a new key; answers the ciphertext (iv first) and the key. */
export async function sealBundle(
  bundle: HandoverBundle,
): Promise<{ ciphertext: string; key: string }> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify(bundle));
  const body = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(plain)),
  );
  const joined = new Uint8Array(iv.length + body.length);
  joined.set(iv);
  joined.set(body, iv.length);
  return { ciphertext: toBase64url(joined), key: toBase64url(raw) };
}

/** Decrypts and checks a bundle; a wrong key or a changed ciphertext is a HandoverUnlockError. */
export async function openBundle(ciphertext: string, key: string): Promise<HandoverBundle> {
  let plain: ArrayBuffer;
  try {
    const bytes = fromBase64url(ciphertext);
    const cryptoKey = await crypto.subtle.importKey('raw', fromBase64url(key), 'AES-GCM', false, [
      'decrypt',
    ]);
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES) },
      cryptoKey,
      bytes.slice(IV_BYTES),
    );
  } catch {
    throw new HandoverUnlockError('The link’s key does not open what it holds.');
  }
  const parsed = handoverBundleSchema.safeParse(JSON.parse(new TextDecoder().decode(plain)));
  if (!parsed.success) throw new HandoverUnlockError('What the link holds is not a handover.');
  return parsed.data;
}
