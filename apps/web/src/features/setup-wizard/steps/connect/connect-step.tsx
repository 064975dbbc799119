import {
  connectRequestSchema,
  TARGET_PRESETS,
  WIZARD_CAPABILITIES,
  type AccountSummary,
  type ConnectRequest,
  type Target,
} from '@b2wiz/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { Field } from '../../../../components/ui/field';
import { ApiError } from '../../api/api-client';
import { createSession } from '../../api/create-session';
import { deleteSession } from '../../api/delete-session';
import { ServerErrorAlert } from '../../components/server-error-alert';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { fieldErrorsByStep } from '../../server-field-errors';
import { blockingMissingCapabilities, formContext } from '../../setup-request';
import { type WizardState, useNavigate, useWizardState, useWizardStore } from '../../wizard-store';

/** The key ID and key form uses the credentials half of the shared connect schema. */
const credentialsSchema = connectRequestSchema.options[1];
type Credentials = z.input<typeof credentialsSchema>;

function capabilityList(capabilities: readonly string[]) {
  return (
    <ul>
      {capabilities.map((c) => (
        <li key={c}>
          It can’t {(WIZARD_CAPABILITIES as Record<string, string>)[c] ?? 'do this'} (the capability
          “{c}”).
        </li>
      ))}
    </ul>
  );
}

function Connected({
  account,
  state,
  target,
}: {
  account: AccountSummary;
  state: WizardState;
  target: Target | null;
}) {
  const store = useWizardStore();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<unknown>(null);
  const blocking = blockingMissingCapabilities(state);
  const optional = account.missingCapabilities.filter((c) => !blocking.includes(c));
  const tool = target && target !== 'other' ? TARGET_PRESETS[target].label : 'your tool';

  useEffect(() => {
    // The form this replaced had focus; say where we are now.
    if (document.activeElement === document.body || document.activeElement === null) {
      headingRef.current?.focus();
    }
  }, []);

  return (
    <div className="connected">
      <h2 ref={headingRef} tabIndex={-1}>
        {account.sandbox ? 'You are in the practice sandbox' : 'You are connected'}
      </h2>
      <p>
        {account.sandbox
          ? 'This is a pretend Backblaze account on this computer. Nothing you make here touches a real account, and it is all gone when the wizard stops.'
          : `Backblaze account ${account.accountId}.`}
      </p>
      {account.isMasterKey && (
        <Alert tone="info" title="This is the master application key.">
          <p>
            That is fine for setting up: the wizard uses it only to create the bucket and a new key,
            and forgets it when you press “Forget my credentials”. The master key never works with
            S3 tools, so never put it into {tool}: the new key is for that.
          </p>
        </Alert>
      )}
      {blocking.length > 0 && (
        <Alert title="This key can’t set things up.">
          {capabilityList(blocking)}
          <p>
            Connect with the master application key, or make a key with these capabilities in the
            Backblaze dashboard (App Keys), then connect with it.
          </p>
        </Alert>
      )}
      {blocking.length === 0 && optional.length > 0 && (
        <Alert tone="warning" title="This key can do most of the setup, but not all of it.">
          {capabilityList(optional)}
          <p>You can go on; a step that needs one of these will say so.</p>
        </Alert>
      )}
      {account.restrictedBucket && (
        <Alert
          tone="info"
          title={`This key works only with the bucket “${account.restrictedBucket.bucketName ?? account.restrictedBucket.bucketId}”.`}
        >
          <p>You can set up that bucket, but not create a new one.</p>
        </Alert>
      )}
      <ServerErrorAlert error={error} />
      <p>
        <Button
          variant="link"
          onClick={async () => {
            try {
              await deleteSession();
              store.setAccount(null);
            } catch (e) {
              setError(e);
            }
          }}
        >
          Use a different key
        </Button>
      </p>
      <StepActions
        onBack={() => navigate('target', { back: true })}
        next={
          <Button
            variant="primary"
            disabled={blocking.length > 0}
            onClick={() => navigate('bucket')}
          >
            Next
          </Button>
        }
      />
    </div>
  );
}

function ConnectForm() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const [showKey, setShowKey] = useState(false);
  const [busy, setBusy] = useState<'key' | 'sandbox' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Credentials>({
    mode: 'onChange',
    resolver: zodResolver(credentialsSchema),
    defaultValues: { applicationKeyId: '', applicationKey: '' },
  });
  const { errors } = form.formState;

  useEffect(() => {
    const [waiting] = store.takeFieldErrors('connect');
    if (waiting) setError(new ApiError(401, { code: 'not_connected', message: waiting.message }));
  }, [store]);

  async function connect(body: ConnectRequest, how: 'key' | 'sandbox') {
    setBusy(how);
    setError(null);
    try {
      const account = await createSession(body);
      // The master key is not kept anywhere in this page once it was sent.
      form.reset({ applicationKeyId: '', applicationKey: '' });
      store.setAccount(account);
    } catch (e) {
      const onFields = e instanceof ApiError ? (fieldErrorsByStep(e).connect ?? []) : [];
      if (onFields.length > 0) {
        onFields.forEach((f, index) =>
          form.setError(
            f.name as keyof Credentials,
            { type: 'server', message: f.message },
            { shouldFocus: index === 0 },
          ),
        );
      } else {
        setError(e);
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => connect(values, 'key'))}>
      <Field
        label="Application key ID"
        description="In the Backblaze dashboard: App Keys. For the master application key, this is the “keyID” shown beside it."
        error={errors.applicationKeyId?.message}
      >
        {(control) => (
          <input
            {...control}
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            {...form.register('applicationKeyId')}
          />
        )}
      </Field>
      <Field
        label="Application key"
        description="The secret shown once when the key was made. It stays on the wizard’s server only until you press “Forget my credentials”, or until it has not been used for a while."
        error={errors.applicationKey?.message}
      >
        {(control) => (
          <div className="secret-input">
            <input
              {...control}
              type={showKey ? 'text' : 'password'}
              autoComplete="current-password"
              spellCheck={false}
              autoCapitalize="none"
              {...form.register('applicationKey')}
            />
            <Button
              className="button--small"
              aria-pressed={showKey}
              onClick={() => setShowKey((shown) => !shown)}
            >
              Show key
            </Button>
          </div>
        )}
      </Field>
      <ServerErrorAlert error={error} />
      <div className="actions actions--start">
        <Button type="submit" variant="primary" disabled={busy !== null}>
          {busy === 'key' ? 'Connecting…' : 'Connect'}
        </Button>
        <Button disabled={busy !== null} onClick={() => void connect({ sandbox: true }, 'sandbox')}>
          Practice in the sandbox
        </Button>
      </div>
      {busy && (
        <p role="status" className="status">
          Connecting to {busy === 'sandbox' ? 'the practice sandbox' : 'Backblaze'}…
        </p>
      )}
      <div className="actions">
        <Button onClick={() => navigate('target', { back: true })}>Back</Button>
      </div>
    </form>
  );
}

export function ConnectStep() {
  const state = useWizardState();
  const target = formContext(state)?.target ?? null;
  return (
    <StepLayout
      title="Connect to Backblaze"
      intro={
        <>
          <p>
            Paste your master application key, or any key allowed to create buckets and keys. The
            wizard uses it to make a new key that can do only what{' '}
            {target && target !== 'other' ? TARGET_PRESETS[target].label : 'your tool'} needs.
          </p>
          <p>No Backblaze account yet, or just trying? Practice in the sandbox.</p>
        </>
      }
    >
      {state.account ? (
        <Connected account={state.account} state={state} target={target} />
      ) : (
        <ConnectForm />
      )}
    </StepLayout>
  );
}
