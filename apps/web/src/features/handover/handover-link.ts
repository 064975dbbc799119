// A handover link: the page's address with the id, and the key after "#" (never sent anywhere).
import { isHandoverKey } from './handover-crypto';

export function handoverLink(origin: string, id: string, key: string): string {
  return `${origin}/handover/${encodeURIComponent(id)}#${key}`;
}

/** The id and key of the page's own address, or null for each part that is missing or broken. */
export function readHandoverAddress(pathname: string, hash: string) {
  const id = /^\/handover\/([A-Za-z0-9_-]{22})\/?$/.exec(pathname)?.[1] ?? null;
  const key = hash.replace(/^#/, '');
  return { id, key: isHandoverKey(key) ? key : null };
}

/** "2026-01-02 00:00 UTC", as the server writes times. */
export function utcTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
