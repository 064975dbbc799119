// The one shape of "are you sure?" before something that can't be taken back: a title naming the
// thing, a sentence saying what happens, the dangerous choice, and Cancel (also Escape).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  busyLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  title: ReactNode;
  text: ReactNode;
  confirmLabel: string;
  busyLabel: string;
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
        {title}
      </p>
      <p id={`${id}-text`}>{text}</p>
      <div className="actions actions--start">
        <Button variant="danger" onClick={onConfirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
