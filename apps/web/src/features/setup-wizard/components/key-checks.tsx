// The check of the new key: each check by its plain label, and what to do when one did not pass.
import type { KeyCheckStatus, SetupResult } from '@b2wiz/shared';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ServerErrorAlert } from './server-error-alert';

type Verification = SetupResult['verification'];
type Check = Verification['checks'][number];

/** A tick only for a check that passed; one not run shows no tick and says so. */
const MARKS: Record<KeyCheckStatus, { mark: string; said: string }> = {
  passed: { mark: '✓', said: 'Passed' },
  failed: { mark: '✗', said: 'Failed' },
  notChecked: { mark: '–', said: 'Not checked' },
};

function CheckItem({ check }: { check: Check }) {
  const { mark, said } = MARKS[check.status];
  return (
    <li className={`check check--${check.status}`}>
      <span className="check__mark" aria-hidden="true">
        {mark}
      </span>{' '}
      {check.status === 'notChecked' ? (
        <span className="check__status">{said}: </span>
      ) : (
        <span className="visually-hidden">{said}: </span>
      )}
      <span className="check__label">{check.label}</span>
      {check.detail && <span className="check__detail">: {check.detail}</span>}
    </li>
  );
}

function listOf(checks: readonly Check[]): string {
  const labels = checks.map((c) => `“${c.label}”`);
  return labels.length <= 1
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

interface KeyChecksProps {
  verification: Verification;
  /** The tool, as it reads in a sentence ("Litestream"). */
  tool: string;
  /** Why the chosen access is too little for the tool, when it is. */
  tooNarrow: string | null;
  onCheckAgain: () => Promise<void>;
}

export function KeyChecks({ verification, tool, tooNarrow, onCheckAgain }: KeyChecksProps) {
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const failed = verification.checks.filter((c) => c.status === 'failed');
  const notChecked = verification.checks.filter((c) => c.status === 'notChecked');
  // More checks cannot help a key that lacks the access: only a new key can.
  const canCheckAgain = !verification.ok && !tooNarrow;
  let title: string;
  if (verification.ok) title = `The new key works: it passed every check ${tool} needs.`;
  else if (failed.length > 0)
    title = `The new key failed a check, so ${tool} may not work with it.`;
  else title = `We could not prove that the new key works for ${tool}.`;

  return (
    <Alert tone={verification.ok ? 'success' : 'warning'} title={title}>
      <ul className="checks">
        {verification.checks.map((check) => (
          <CheckItem key={check.name} check={check} />
        ))}
      </ul>
      {!verification.ok && notChecked.length > 0 && (
        <p>Not checked, so not proven: {listOf(notChecked)}.</p>
      )}
      {!verification.ok && tooNarrow && (
        <p>
          {tooNarrow} To fix it, press “Set up another”, choose this bucket under “Use a bucket you
          already have”, and give the key more access. Then delete this key in the Backblaze
          dashboard (App Keys).
        </p>
      )}
      {canCheckAgain && (
        <>
          <p>
            {failed.length > 0
              ? 'A new key can take a minute to work everywhere. Check again: nothing is created twice. If a check still fails, delete the key in the Backblaze dashboard and run the wizard again.'
              : 'Check again to run them now: nothing is created twice.'}
          </p>
          <ServerErrorAlert error={error} />
          <Button
            disabled={checking}
            onClick={async () => {
              setChecking(true);
              setError(null);
              try {
                await onCheckAgain();
              } catch (e) {
                setError(e);
              } finally {
                setChecking(false);
              }
            }}
          >
            {checking ? 'Checking…' : 'Check again'}
          </Button>
        </>
      )}
    </Alert>
  );
}
