// The one question before an undo: it names the key and the bucket, and what happens to each.
import type { SetupEntry } from '@b2wiz/shared';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog';

export function undoQuestion(entry: SetupEntry): string {
  const key = entry.key
    ? `the application key “${entry.key.keyName}” (ID ${entry.key.applicationKeyId})`
    : null;
  const bucket = `the bucket “${entry.bucket.bucketName}”`;
  if (!entry.bucket.made) {
    return `This deletes ${key ?? 'nothing'}. ${bucket.charAt(0).toUpperCase()}${bucket.slice(1)} was in the account before this setup and stays, with the rules it has now.`;
  }
  return key
    ? `This deletes ${key}, and ${bucket} if it holds no files.`
    : `This deletes ${bucket} if it holds no files.`;
}

export function UndoConfirm({
  entry,
  busy,
  onConfirm,
  onCancel,
}: {
  entry: SetupEntry;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Undo the setup ${entry.customer ? `for ${entry.customer}` : `of ${entry.bucket.bucketName}`}?`}
      text={`${undoQuestion(entry)} It can’t be taken back.`}
      confirmLabel="Undo the setup"
      busyLabel="Undoing…"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
