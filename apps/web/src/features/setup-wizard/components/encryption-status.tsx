// What the wizard says about a bucket's encryption. Backblaze encrypts every bucket, so this is a
// fact to read, never a choice. The sentences are the shared ones (ENCRYPTION_TEXT).
import { ENCRYPTION_TEXT, encryptionStatus, type EncryptionSetting } from '@b2wiz/shared';

/** The always-on sentence in plain words, with the technical name in small print after it. */
export function AlwaysOnEncryption() {
  return (
    <>
      {ENCRYPTION_TEXT.alwaysOn} <small>({ENCRYPTION_TEXT.technicalName})</small>
    </>
  );
}

/** An existing bucket's encryption as B2 answered it (null: the key may not read it). */
export function BucketEncryption({ setting }: { setting: EncryptionSetting | null }) {
  const line = encryptionStatus(setting);
  // The shared line names SSE-B2 inline; here that name goes in small print instead.
  if (line === ENCRYPTION_TEXT.alwaysOnNamed) return <AlwaysOnEncryption />;
  return <>{line}</>;
}
