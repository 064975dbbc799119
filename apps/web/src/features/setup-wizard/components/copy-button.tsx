import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { copyText } from '../../../lib/copy-text';

interface CopyButtonProps {
  text: string;
  /** What is copied, for the message after copying ("the application key"). */
  what: string;
  onCopied?: () => void;
}

/** "Copy", then a short message that screen readers announce. */
export function CopyButton({ text, what, onCopied }: CopyButtonProps) {
  const [status, setStatus] = useState('');
  return (
    <span className="copy">
      <Button
        className="button--small"
        onClick={async () => {
          const ok = await copyText(text);
          setStatus(
            ok ? `Copied ${what}.` : `Could not copy ${what}. Select it and copy it by hand.`,
          );
          if (ok) onCopied?.();
        }}
      >
        Copy
      </Button>
      <span className="copy__status" role="status">
        {status}
      </span>
    </span>
  );
}
