// The account's keys (GET /api/keys), opened from the Connect step: each key without its secret,
// marked when this wizard made it; Delete asks once; Replace makes a new key with the same access
// before the old one is deleted. Loaded on demand, so the wizard's first page carries none of it.
import type { AccountKey, AccountKeyList, KeyDeleted } from '@b2wiz/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ServerErrorAlert } from '../setup-wizard/components/server-error-alert';
import { deleteKey } from './api/delete-key';
import { getKeys } from './api/get-keys';
import { DeleteKeyConfirm } from './delete-key-confirm';
import { KeyCard } from './key-card';
import './keys-panel.css';
import { ReplaceKey } from './replace-key';

export function KeysPanel() {
  const heading = useRef<HTMLHeadingElement>(null);
  const [list, setList] = useState<AccountKeyList | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [asking, setAsking] = useState<AccountKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [deleted, setDeleted] = useState<KeyDeleted | null>(null);
  const [replacing, setReplacing] = useState<AccountKey | null>(null);
  // While a new secret is on screen, no other replacement may take its place.
  const [showingSecret, setShowingSecret] = useState(false);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setList(await getKeys(signal));
      setLoadError(null);
    } catch (error) {
      if (!signal?.aborted) setLoadError(error);
    }
  }, []);

  // Opened by a button: say where we are now.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  async function confirmDelete(key: AccountKey) {
    setBusy(true);
    setDeleteError(null);
    try {
      setDeleted(await deleteKey(key.applicationKeyId));
      setAsking(null);
      // The card and its buttons are gone: say where we are.
      heading.current?.focus();
      await load();
    } catch (error) {
      setDeleteError(error);
    } finally {
      setBusy(false);
    }
  }

  const cancelDelete = () => {
    setAsking(null);
    setDeleteError(null);
  };

  return (
    <section className="keys" aria-labelledby="keys-title">
      <h2 id="keys-title" ref={heading} tabIndex={-1}>
        The account’s keys
      </h2>
      <p>
        Every application key of this Backblaze account, without secrets: Backblaze shows a secret
        only once, when the key is made. The master application key is not listed, as Backblaze
        never lists it. B2 keys carry no tags, so a key made by this wizard is known by this
        session’s history or, as a guess, by its name.
      </p>
      <div role="status">
        {deleted && (
          <Alert tone="success" title="Deleted.">
            <p>{deleted.message}</p>
          </Alert>
        )}
      </div>
      <ServerErrorAlert error={loadError} title="The account’s keys could not be loaded." />
      {list === null && !loadError && <p className="status">Loading the account’s keys…</p>}
      {list?.keys.length === 0 && (
        <p>This account has no application keys besides the master key.</p>
      )}
      {list && list.keys.length > 0 && (
        <ul className="keys__list">
          {list.keys.map((key) => (
            <li key={key.applicationKeyId}>
              <KeyCard
                accountKey={key}
                onDelete={() => {
                  setDeleted(null);
                  setDeleteError(null);
                  setAsking(key);
                }}
                offerReplace={!showingSecret}
                onReplace={() => setReplacing(key)}
              >
                {asking?.applicationKeyId === key.applicationKeyId && (
                  <>
                    <DeleteKeyConfirm
                      accountKey={key}
                      busy={busy}
                      onConfirm={() => void confirmDelete(key)}
                      onCancel={cancelDelete}
                    />
                    <ServerErrorAlert error={deleteError} title="The key could not be deleted." />
                  </>
                )}
              </KeyCard>
            </li>
          ))}
        </ul>
      )}
      {replacing && (
        <ReplaceKey
          key={replacing.applicationKeyId}
          oldKey={replacing}
          onChanged={() => void load()}
          onNewKey={() => setShowingSecret(true)}
          onClose={() => {
            setReplacing(null);
            setShowingSecret(false);
            heading.current?.focus();
          }}
        />
      )}
      <div className="actions actions--start">
        <Button onClick={() => void load()}>Reload the list</Button>
      </div>
    </section>
  );
}
