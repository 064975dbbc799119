import {
  accessTooNarrow,
  parseEndpoint,
  type ConfigValues,
  type GeneratedFile,
  type SetupResult,
  toolNameInSentence,
} from '@b2wiz/shared';
import { useState } from 'react';
import { SendToCustomer } from '../../../handover/send-to-customer';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { CheckboxField } from '../../../../components/ui/field';
import { useLeaveWarning } from '../../../../lib/use-leave-warning';
import { applySetup } from '../../api/apply-setup';
import { deleteSession } from '../../api/delete-session';
import { buildSetupRequest } from '../../build-setup-request';
import { CopyValue } from '../../components/copy-value';
import { FileCard } from '../../components/file-card';
import { StepLayout } from '../../components/step-layout';
import { formContext } from '../../form-context';
import { parsedSteps } from '../../step-progress';
import { useNavigate, useWizardState, useWizardStore } from '../../wizard-store';
import { HistoryPanel } from '../../components/history/history-panel';
import { DoneActions } from './done-actions';
import { PrintSummaryOf, RecordButtons } from './done-records';
import { cardNote } from './file-notes';
import { KeyBuckets } from './key-buckets';
import { KeyChecks } from '../../components/key-checks';

/** The endpoint as the files write it (scheme://host), so the page and the files agree. */
function endpointUrl(endpoint: SetupResult['endpoint']): string {
  try {
    return parseEndpoint({ endpoint } as Pick<ConfigValues, 'endpoint'> as ConfigValues).url;
  } catch {
    return endpoint.s3Endpoint;
  }
}

export function DoneStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const state = useWizardState();
  const [confirmForget, setConfirmForget] = useState(false);
  const result = state.result;
  const target = formContext(state)?.target;
  const access = parsedSteps(state).key?.access;
  useLeaveWarning(result !== null && !state.secretSaved);
  if (!result) return null;

  const tool = toolNameInSentence(target);
  const secret = result.key.applicationKey;
  const saved = () => store.setSecretSaved(true);
  const holdsSecret = (file: GeneratedFile) => file.content.includes(secret);

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
          The bucket and the new key now exist in Backblaze B2. Give {tool} the key below, or
          download the files for it.
          {!result.verification.ok && ' The check of the new key found a problem: see below.'}
        </p>
      }
    >
      <Alert tone="warning" title="The application key is shown only once.">
        <p>Copy it or download the files now. If it is lost, make a new key.</p>
      </Alert>

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
      </div>
      <DoneActions result={result} />
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

      <h2>Check of the new key</h2>
      <KeyChecks
        verification={result.verification}
        tool={tool}
        tooNarrow={target && access ? accessTooNarrow(target, access) : null}
        onCheckAgain={async () => {
          // The same request with the same idempotencyKey: the API only repeats the key check.
          const request = buildSetupRequest(store.getState());
          const review = store.getState().review;
          if (!request || !review) return;
          store.updateResult(await applySetup(request, review.idempotencyKey));
        }}
      />

      <h2>More values</h2>
      <div className="values">
        <CopyValue label="Bucket name" value={result.bucket.bucketName} />
        <CopyValue
          label="Bucket ID"
          value={result.bucket.bucketId}
          hint="Only some tools ask for it; S3 tools use the bucket name."
        />
        <CopyValue
          label="Endpoint"
          value={endpointUrl(result.endpoint)}
          hint="The S3 endpoint, also called “Service URL” or “Server address”. A tool that asks for a host name takes it without “https://”."
        />
        <CopyValue
          label="Region"
          value={result.endpoint.s3Region}
          hint="The part of the endpoint after “s3.”."
        />
      </div>
      <KeyBuckets result={result} />

      <h2>Your files</h2>
      <div className="files">
        {result.files.map((file) => (
          <FileCard
            key={file.filename}
            file={file}
            description={cardNote(file.filename)}
            onSaved={holdsSecret(file) ? saved : undefined}
          />
        ))}
      </div>

      <HistoryPanel records={<RecordButtons result={result} />} />
      <PrintSummaryOf result={result} />

      <SendToCustomer result={result} endpoint={endpointUrl(result.endpoint)} />

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
