// One box per consequence that can destroy data or break a site: nothing is created until the
// user has ticked each one.
import { CONFIRMATION_LABELS, type ConfirmableWarning } from '@b2wiz/shared';
import { CheckboxField } from '../../../../components/ui/field';
import { plainCounts } from '../../plain-counts';

export interface Confirmation {
  code: ConfirmableWarning;
  message: string;
}

/** Focuses the first box not ticked yet, so a keyboard user lands where the fix is. */
export function focusFirstEmptyBox(): void {
  document.querySelector<HTMLInputElement>('input[data-confirm]:not(:checked)')?.focus();
}

interface ReviewConfirmationsProps {
  items: readonly Confirmation[];
  ticked: ReadonlySet<ConfirmableWarning>;
  onChange: (code: ConfirmableWarning, ticked: boolean) => void;
  /** Create was pressed with a box still empty: say so on that box. */
  refused: boolean;
}

export function ReviewConfirmations({
  items,
  ticked,
  onChange,
  refused,
}: ReviewConfirmationsProps) {
  if (items.length === 0) return null;
  return (
    <fieldset className="confirmations">
      <legend className="confirmations__legend">Please confirm before anything changes</legend>
      {items.map(({ code, message }) => (
        <CheckboxField
          key={code}
          label={CONFIRMATION_LABELS[code]}
          description={plainCounts(message)}
          error={
            refused && !ticked.has(code)
              ? 'Tick this box to go on, or change your choices above.'
              : undefined
          }
        >
          {(control) => (
            <input
              {...control}
              data-confirm={code}
              type="checkbox"
              checked={ticked.has(code)}
              onChange={(event) => onChange(code, event.target.checked)}
            />
          )}
        </CheckboxField>
      ))}
    </fieldset>
  );
}
