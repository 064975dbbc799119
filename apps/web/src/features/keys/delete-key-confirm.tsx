// The one question before a key is deleted: it names the key and what will stop working.
import type { AccountKey } from '@b2wiz/shared';
import { useEffect, useId, useRef } from 'react';
import { Button } from '../../components/ui/button';
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
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      className="undo-confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p className="undo-confirm__title" id={`${id}-title`}>
        Delete the key “{accountKey.keyName}”?
      </p>
      <p id={`${id}-text`}>{deleteQuestion(accountKey)}</p>
      <div className="actions actions--start">
        <Button variant="danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete the key'}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
