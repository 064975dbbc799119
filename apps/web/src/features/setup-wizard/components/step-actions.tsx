import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';

interface StepActionsProps {
  onBack?: () => void;
  nextLabel?: string;
  busy?: boolean;
  /** Replaces the Next button, e.g. "Create everything"; null for none. */
  next?: ReactNode | null;
}

/** Back and Next, in that order for keyboard and screen-reader users. */
export function StepActions({ onBack, nextLabel = 'Next', busy = false, next }: StepActionsProps) {
  return (
    <div className="actions">
      {onBack && (
        <Button onClick={onBack} disabled={busy}>
          Back
        </Button>
      )}
      {next === undefined ? (
        <Button type="submit" variant="primary" disabled={busy}>
          {nextLabel}
        </Button>
      ) : (
        next
      )}
    </div>
  );
}
