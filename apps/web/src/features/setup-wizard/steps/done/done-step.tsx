import { TARGET_PRESETS, type GeneratedFile, type SetupResult, type Target } from '@b2wiz/shared';
import { useEffect, useState } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { CheckboxField } from '../../../../components/ui/field';
import { downloadZip } from '../../../../lib/download-file';
import { applySetup } from '../../api/apply-setup';
import { deleteSession } from '../../api/delete-session';
import { buildSetupRequest } from '../../build-setup-request';
import { ServerErrorAlert } from '../../components/server-error-alert';
import { CopyValue } from '../../components/copy-value';
import { FileCard } from '../../components/file-card';
import { StepLayout } from '../../components/step-layout';
import { formContext } from '../../setup-request';
import { useNavigate, useWizardState, useWizardStore } from '../../wizard-store';

const FILE_NOTES: Record<string, string> = {
  'litestream.yml': 'Litestream’s settings: save it as /etc/litestream.yml on your server.',
  'jetbackup-destination.txt':
    'Every field of JetBackup’s “Create Destination” form, by the name JetBackup gives it.',
  'laravel.env': 'Add these lines to your Laravel app’s .env file.',
  'filesystems-disk.php': 'Add this disk to the “disks” list in config/filesystems.php.',
  'rclone.conf': 'Add this to your rclone.conf (rclone config file shows where it is).',
  'restic.env': 'Load it with “source restic.env” before running restic.',
  'aws-config': 'Add this profile to ~/.aws/config.',
  'aws-credentials': 'Add this profile to ~/.aws/credentials.',
  '.s3cfg': 's3cmd’s settings: save it as ~/.s3cfg.',
  'SETUP-SUMMARY.md': 'What was created, for your records. It holds no secret.',
};

/** Warn before the page is left while the secret exists only here. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

function Verification({
  verification,
  onCheckAgain,
}: {
  verification: SetupResult['verification'];
  onCheckAgain: () => Promise<void>;
}) {
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Alert
      tone={verification.ok ? 'success' : 'warning'}
      title={
        verification.ok
          ? 'The new key works: we signed in to B2 with it.'
          : 'The new key did not pass every check.'
      }
    >
      <ul className="checks">
        {verification.checks.map((check) => (
          <li key={check.name}>
            <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span>{' '}
            <span className="visually-hidden">{check.ok ? 'Passed:' : 'Failed:'}</span> {check.name}
            : {check.detail}
          </li>
        ))}
      </ul>
      {!verification.ok && (
        <>
          <p>
            A new key can take a minute to work everywhere. Check again: nothing is created twice.
            If a check still fails, delete the key in the dashboard and run the wizard again.
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

function toolName(target: Target | undefined): string {
  return target && target !== 'other' ? TARGET_PRESETS[target].label : 'your tool';
}

export function DoneStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const state = useWizardState();
  const [confirmForget, setConfirmForget] = useState(false);
  const result = state.result;
  const target = formContext(state)?.target;
  useLeaveWarning(result !== null && !state.secretSaved);
  if (!result) return null;

  const secret = result.key.applicationKey;
  const saved = () => store.setSecretSaved(true);
  const holdsSecret = (file: GeneratedFile) => file.content.includes(secret);
  const endpointHost = result.endpoint.s3Endpoint.replace(/^https?:\/\//, '');

  async function forget() {
    if (!state.secretSaved && !confirmForget) {
      setConfirmForget(true);
      return;
    }
    try {
      await deleteSession();
    } catch {
      // Unreachable server: it forgets idle sessions by itself; this page forgets now anyway.
    }
    store.reset();
    navigate('target');
  }

  return (
    <StepLayout
      title="Your setup is ready"
      intro={
        <p>
          Everything below now exists in Backblaze B2. Copy each value into {toolName(target)}, or
          download the files.
        </p>
      }
    >
      <Alert tone="warning" title="The application key is shown only once.">
        <p>
          Backblaze never shows it again, and this page forgets it when you leave. Copy it or
          download the files now and keep them somewhere safe. If it is lost, make a new key.
        </p>
      </Alert>

      <h2>Values to paste</h2>
      <div className="values">
        <CopyValue
          label="Application key ID"
          value={result.key.applicationKeyId}
          hint={
            target === 'jetbackup'
              ? 'JetBackup calls it “Account ID”. Other tools: “Access Key ID”.'
              : 'Also called “Access Key ID” or “keyID”.'
          }
        />
        <CopyValue
          label="Application key"
          value={secret}
          secret
          hint="The secret. Also called “Secret Access Key”."
          onCopied={saved}
        />
        <CopyValue label="Bucket name" value={result.bucket.bucketName} />
        <CopyValue
          label="Bucket ID"
          value={result.bucket.bucketId}
          hint="Only some tools ask for it; S3 tools use the bucket name."
        />
        <CopyValue
          label="Endpoint"
          value={endpointHost}
          hint="The S3 endpoint, also called “Service URL” or “Server address”."
        />
        <CopyValue
          label="Region"
          value={result.endpoint.s3Region}
          hint="The part of the endpoint after “s3.”."
        />
      </div>

      <h2>Check of the new key</h2>
      <Verification
        verification={result.verification}
        onCheckAgain={async () => {
          // The same request with the same idempotencyKey: the API only repeats the key check.
          const request = buildSetupRequest(store.getState());
          const review = store.getState().review;
          if (!request || !review) return;
          store.updateResult(await applySetup(request, review.idempotencyKey));
        }}
      />

      <h2>Your files</h2>
      <div className="files">
        {result.files.map((file) => (
          <FileCard
            key={file.filename}
            file={file}
            description={FILE_NOTES[file.filename]}
            onSaved={holdsSecret(file) ? saved : undefined}
          />
        ))}
      </div>
      <p>
        <Button
          variant="primary"
          onClick={async () => {
            await downloadZip(`b2-setup-${result.bucket.bucketName}.zip`, result.files);
            saved();
          }}
        >
          Download all
        </Button>
      </p>

      <CheckboxField
        label="I have saved the application key"
        description="Until then, this page asks before it is closed or reloaded."
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={state.secretSaved}
            onChange={(event) => store.setSecretSaved(event.target.checked)}
          />
        )}
      </CheckboxField>

      <h2>Finish</h2>
      <p>
        “Forget my credentials” makes the wizard’s server forget the key you connected with, and
        this page forget everything above.
      </p>
      {confirmForget && !state.secretSaved && (
        <Alert title="You have not saved the application key yet.">
          <p>
            It can’t be shown again. Copy it or download the files first, or press “Forget my
            credentials” again to forget it anyway.
          </p>
        </Alert>
      )}
      <div className="actions">
        <Button variant="danger" onClick={() => void forget()}>
          Forget my credentials
        </Button>
      </div>
    </StepLayout>
  );
}
