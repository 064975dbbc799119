// The one question before an undo: it names the key and the bucket, and what happens to each.
import type { SetupEntry } from '@b2wiz/shared';
import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../../components/ui/button';

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
        Undo the setup {entry.customer ? `for ${entry.customer}` : `of ${entry.bucket.bucketName}`}?
      </p>
      <p id={`${id}-text`}>{undoQuestion(entry)} It can’t be taken back.</p>
      <div className="actions actions--start">
        <Button variant="danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Undoing…' : 'Undo the setup'}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
