// Replace one key: choose the tool, get a new key with the same access (shown once, with its
// check and files, as on the Done step), and only then delete the old key, asked once.
import {
  TARGET_PRESETS,
  targetsByGroup,
  toolNameInSentence,
  type AccountKey,
  type KeyDeleted,
  type SetupResult,
  type Target,
} from '@b2wiz/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { randomId } from '../../lib/random-id';
import { useLeaveWarning } from '../../lib/use-leave-warning';
import { CopyValue } from '../setup-wizard/components/copy-value';
import { FileCard } from '../setup-wizard/components/file-card';
import { KeyChecks } from '../setup-wizard/components/key-checks';
import { ServerErrorAlert } from '../setup-wizard/components/server-error-alert';
import { deleteKey } from './api/delete-key';
import { replaceKey } from './api/replace-key';
import { DeleteKeyConfirm } from './delete-key-confirm';
import { bucketWords } from './key-words';

interface ReplaceKeyProps {
  oldKey: AccountKey;
  /** The list changed (a new key, or the old one deleted): reload it. */
  onChanged: () => void;
  /** The new key's secret is on screen. */
  onNewKey: () => void;
  onClose: () => void;
}

function NewKey({ result, tool }: { result: SetupResult; tool: string }) {
  return (
    <>
      <Alert tone="warning" title="The new application key is shown only once.">
        <p>Copy it or download the files now. If it is lost, replace the key again.</p>
      </Alert>
      <div className="values">
        <CopyValue label="New application key ID" value={result.key.applicationKeyId} />
        <CopyValue
          label="New application key"
          value={result.key.applicationKey}
          secret
          hint="The secret. Also called “Secret Access Key”."
        />
      </div>
      <h4>Check of the new key</h4>
      <KeyChecks
        verification={result.verification}
        tool={tool}
        tooNarrow={null}
        onCheckAgain={() => Promise.resolve()}
      />
      <h4>Files for {tool}</h4>
      <div className="files">
        {result.files.map((file) => (
          <FileCard key={file.filename} file={file} />
        ))}
      </div>
    </>
  );
}

export function ReplaceKey({ oldKey, onChanged, onNewKey, onClose }: ReplaceKeyProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [target, setTarget] = useState<Target | ''>('');
  // One idempotencyKey per tool: pressing again after a lost answer gets the same key back.
  const attempts = useRef(new Map<Target, string>());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SetupResult | null>(null);
  const [asking, setAsking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [deleted, setDeleted] = useState<KeyDeleted | null>(null);
  const tool = toolNameInSentence(target || null);
  useLeaveWarning(result !== null && deleted === null);
  useEffect(() => heading.current?.focus(), []);

  async function makeNewKey(chosen: Target) {
    let attempt = attempts.current.get(chosen);
    if (!attempt) {
      attempt = `replace-${randomId()}`;
      attempts.current.set(chosen, attempt);
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await replaceKey(oldKey.applicationKeyId, chosen, attempt));
      onNewKey();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function deleteOld() {
    setDeleting(true);
    setDeleteError(null);
    try {
      setDeleted(await deleteKey(oldKey.applicationKeyId));
      setAsking(false);
      onChanged();
    } catch (e) {
      setDeleteError(e);
    } finally {
      setDeleting(false);
    }
  }

  return (
    <section className="keys__replace" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Replace the key “{oldKey.keyName}”
      </h3>
      {!result ? (
        <>
          <p>
            The wizard makes a new key for {bucketWords(oldKey)} with the same access
            {oldKey.namePrefix ? ` and the same file name prefix “${oldKey.namePrefix}”` : ''},
            checks that it works for the tool you choose, and gives you its files. The old key keeps
            working until you delete it.
          </p>
          <Field label="The tool that uses this key">
            {(control) => (
              <select
                {...control}
                value={target}
                disabled={busy}
                onChange={(event) => setTarget(event.target.value as Target | '')}
              >
                <option value="">Choose a tool</option>
                {targetsByGroup().map((group) => (
                  <optgroup key={group.group} label={group.label}>
                    {group.targets.map((t) => (
                      <option key={t} value={t}>
                        {TARGET_PRESETS[t].label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <ServerErrorAlert error={error} title="The key was not replaced." />
          <div className="actions actions--start">
            <Button
              variant="primary"
              disabled={busy || target === ''}
              onClick={() => target && void makeNewKey(target)}
            >
              {busy ? 'Making the new key…' : 'Make the new key'}
            </Button>
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
          </div>
          {busy && (
            <p role="status" className="status">
              Making the new key and checking it for {tool}…
            </p>
          )}
        </>
      ) : (
        <>
          <NewKey result={result} tool={tool} />
          <h4>The old key</h4>
          <div role="status">
            {deleted && (
              <Alert tone="success" title="The old key is deleted.">
                <p>
                  {deleted.message} The new key “{result.key.keyName}” takes its place.
                </p>
              </Alert>
            )}
          </div>
          {!deleted && (
            <>
              <p>
                Both keys work now. Once {tool} works with the new key, delete the old key “
                {oldKey.keyName}”.
              </p>
              {asking ? (
                <DeleteKeyConfirm
                  accountKey={oldKey}
                  busy={deleting}
                  onConfirm={() => void deleteOld()}
                  onCancel={() => {
                    setAsking(false);
                    setDeleteError(null);
                  }}
                />
              ) : (
                <div className="actions actions--start">
                  <Button variant="danger" onClick={() => setAsking(true)}>
                    The new key works — delete the old key
                  </Button>
                </div>
              )}
              <ServerErrorAlert error={deleteError} title="The old key could not be deleted." />
            </>
          )}
          <div className="actions actions--start">
            <Button onClick={onClose}>Close</Button>
          </div>
        </>
      )}
    </section>
  );
}
