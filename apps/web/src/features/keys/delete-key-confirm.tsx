// The one question before a key is deleted: it names the key and what will stop working.
import type { AccountKey } from '@b2wiz/shared';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { stopsWorking } from './key-words';

export function deleteQuestion(key: AccountKey): string {
  return `This deletes the application key “${key.keyName}” (ID ${key.applicationKeyId}) in Backblaze. ${stopsWorking(key)} It can’t be taken back.`;
}

export function DeleteKeyConfirm({
  accountKey,
  busy,
  onConfirm,
  onCancel,
}: {
  accountKey: AccountKey;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Delete the key “${accountKey.keyName}”?`}
      text={deleteQuestion(accountKey)}
      confirmLabel="Delete the key"
      busyLabel="Deleting…"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
