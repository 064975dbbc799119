// History: the setups made over this connection (from GET /api/setups), each with Undo, which
// asks once, naming the key and the bucket, then says what was removed and kept.
import { TARGET_PRESETS, type SetupEntry, type UndoResult } from '@b2wiz/shared';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { utcMinute } from '../../../../lib/utc-minute';
import { SentLinks } from '../../../handover/sent-links';
import { getSetups } from '../../api/get-setups';
import { undoSetup } from '../../api/undo-setup';
import { ServerErrorAlert } from '../server-error-alert';
import { UndoConfirm } from './undo-confirm';

function RulesBefore({ rules }: { rules: NonNullable<UndoResult['rulesBefore']> }) {
  return (
    <details>
      <summary>The rules the bucket had before, as Backblaze writes them</summary>
      <pre className="history__rules">{JSON.stringify(rules, null, 2)}</pre>
    </details>
  );
}

function SetupItem({ entry, onUndo }: { entry: SetupEntry; onUndo: (entry: SetupEntry) => void }) {
  const title = entry.customer ?? 'No customer or ticket given';
  return (
    <li>
      <article className="history__item" aria-label={`Setup for ${title}`}>
        <h3>{title}</h3>
        <dl className="history__facts">
          <dt>Time</dt>
          <dd>{utcMinute(entry.createdAt)}</dd>
          <dt>Tool</dt>
          <dd>{TARGET_PRESETS[entry.target]?.label ?? entry.target}</dd>
          <dt>Bucket</dt>
          <dd>
            {entry.bucket.bucketName} {entry.bucket.made ? '(new)' : '(you had it before)'}
          </dd>
          <dt>Key ID</dt>
          <dd>{entry.key ? `${entry.key.applicationKeyId} (${entry.key.keyName})` : 'none'}</dd>
        </dl>
        {entry.undone && <p>Undo: {entry.undone}</p>}
        {entry.canUndo && <Button onClick={() => onUndo(entry)}>Undo</Button>}
      </article>
    </li>
  );
}

/** `records`: the Done step's record buttons, shown in the panel's first row. */
export function HistoryPanel({ records }: { records?: ReactNode } = {}) {
  const [open, setOpen] = useState(false);
  const [setups, setSetups] = useState<SetupEntry[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [asking, setAsking] = useState<SetupEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [undoError, setUndoError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<UndoResult | null>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setSetups(await getSetups(signal));
      setLoadError(null);
    } catch (error) {
      if (!signal?.aborted) setLoadError(error);
    }
  }, []);

  // Asked for only when opened: the Done step itself makes no call.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, open]);

  async function confirmUndo(entry: SetupEntry) {
    setBusy(true);
    setUndoError(null);
    try {
      setAnswer(await undoSetup(entry.idempotencyKey));
      setAsking(null);
      await load();
    } catch (error) {
      setUndoError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {open ? (
        <p>
          The setups made over this connection. Undo deletes the key a setup made, and its bucket if
          that is new and still empty; a bucket you had before is never deleted.
        </p>
      ) : null}
      {(!open || records) && (
        <div className="actions actions--start">
          {!open && <Button onClick={() => setOpen(true)}>Show the history</Button>}
          {records}
        </div>
      )}
      <ServerErrorAlert error={loadError} title="The history could not be loaded." />
      <div role="status">
        {answer && (
          <Alert tone="success" title="Undone.">
            <p>{answer.message}</p>
            {answer.rulesBefore && <RulesBefore rules={answer.rulesBefore} />}
          </Alert>
        )}
      </div>
      {asking && (
        <UndoConfirm
          entry={asking}
          busy={busy}
          onConfirm={() => void confirmUndo(asking)}
          onCancel={() => {
            setAsking(null);
            setUndoError(null);
          }}
        />
      )}
      <ServerErrorAlert error={undoError} title="The setup could not be undone." />
      {open && setups === null && !loadError && <p className="status">Loading the history…</p>}
      {setups?.length === 0 && <p>No setups over this connection yet.</p>}
      {setups && setups.length > 0 && (
        <ul className="history__list">
          {setups.map((entry) => (
            <SetupItem
              key={entry.idempotencyKey}
              entry={entry}
              onUndo={(e) => {
                setAnswer(null);
                setAsking(e);
              }}
            />
          ))}
        </ul>
      )}
      {open && <SentLinks title="Links sent to customers" />}
    </section>
  );
}
