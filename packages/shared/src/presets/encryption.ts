// What we say about encryption. Backblaze encrypts every bucket with SSE-B2 since 2026 and
// refuses to turn it off (docs/b2-behaviour.md "Encryption"), so it is a fact, not a choice.
import type { EncryptionSetting } from '../schemas/api';

export const ENCRYPTION_TEXT = {
  /** The main sentence: no jargon. */
  alwaysOn: 'Encryption: always on. Backblaze encrypts every file it stores.',
  /** Small print after the main sentence. */
  technicalName: 'SSE-B2, AES-256',
  /** Both in one line, for plain text (plans and files). */
  alwaysOnNamed:
    'Encryption: always on. Backblaze encrypts every file it stores (SSE-B2, AES-256).',
  /** An existing bucket that still reads "none" while Backblaze moves it over. */
  switchingOver:
    'Encryption: Backblaze is switching this bucket over to always-on encryption; nothing needs doing.',
  /** A request that still says encryption: false (older scripts and saved recipes). */
  offNotPossible:
    'You asked for encryption off. Backblaze encrypts every bucket now, so it stays on; nothing else changes.',
  /** The connected key may not read the setting. */
  unreadable: 'Encryption: not known; the connected key may not read this setting.',
} as const;

/** One plain line for a bucket's encryption as B2 answered it (null: the key may not read it). */
export function encryptionStatus(setting: EncryptionSetting | null): string {
  if (setting === null) return ENCRYPTION_TEXT.unreadable;
  if (setting.mode === 'none') return ENCRYPTION_TEXT.switchingOver;
  return ENCRYPTION_TEXT.alwaysOnNamed;
}
