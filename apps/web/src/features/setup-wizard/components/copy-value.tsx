import { useId, type ReactNode } from 'react';
import { CopyButton } from './copy-button';

interface CopyValueProps {
  label: string;
  value: string;
  hint?: ReactNode;
  onCopied?: () => void;
  secret?: boolean;
}

/** One value to paste somewhere, named by a group so each "Copy" button has its context. */
export function CopyValue({ label, value, hint, onCopied, secret = false }: CopyValueProps) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="copy-value">
      <p className="copy-value__label" id={`${id}-label`}>
        {label}
      </p>
      {hint && <p className="copy-value__hint">{hint}</p>}
      <div className="copy-value__row">
        <code
          className={secret ? 'copy-value__value copy-value__value--secret' : 'copy-value__value'}
        >
          {value}
        </code>
        <CopyButton text={value} what={`the ${label.toLowerCase()}`} onCopied={onCopied} />
      </div>
    </div>
  );
}
