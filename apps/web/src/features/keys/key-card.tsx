// One key of the account: its facts in plain words, the wizard's mark, and Delete and Replace
// (or why this key has neither).
import type { AccountKey } from '@b2wiz/shared';
import { useId, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { accessWords, bucketLabels, expiryWords, MARK_WORDS } from './key-words';

interface KeyCardProps {
  accountKey: AccountKey;
  onDelete: () => void;
  /** False while another replacement's new secret is on screen. */
  offerReplace: boolean;
  onReplace: () => void;
  /** The delete question, shown in the card it is about. */
  children?: ReactNode;
}

export function KeyCard({
  accountKey: key,
  onDelete,
  offerReplace,
  onReplace,
  children,
}: KeyCardProps) {
  const id = useId();
  const buckets = bucketLabels(key);
  return (
    <article className="keys__item" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>{key.keyName}</h3>
      {key.madeByWizard && <p className="keys__mark">{MARK_WORDS[key.madeByWizard]}</p>}
      <dl className="history__facts">
        <dt>Key ID</dt>
        <dd>
          <code>{key.applicationKeyId}</code>
        </dd>
        <dt>Buckets</dt>
        <dd>{buckets ? buckets.join(', ') : 'Every bucket'}</dd>
        <dt>Access</dt>
        <dd>
          {accessWords(key)}{' '}
          <span className="keys__capabilities">({key.capabilities.join(', ') || 'none'})</span>
        </dd>
        <dt>Expires</dt>
        <dd>{expiryWords(key.expirationTimestamp)}</dd>
      </dl>
      {key.cannotDelete ? (
        <p className="keys__kept">
          <strong>Can’t be deleted or replaced here.</strong> {key.cannotDelete.message}
        </p>
      ) : (
        <>
          <div className="actions actions--start">
            {!key.cannotReplace && offerReplace && (
              <Button onClick={onReplace}>
                Replace<span className="visually-hidden"> {key.keyName}</span>
              </Button>
            )}
            <Button variant="danger" onClick={onDelete}>
              Delete<span className="visually-hidden"> {key.keyName}</span>
            </Button>
          </div>
          {key.cannotReplace && (
            <details className="keys__why">
              <summary>Why there is no Replace</summary>
              <p>{key.cannotReplace}</p>
            </details>
          )}
        </>
      )}
      {children}
    </article>
  );
}
