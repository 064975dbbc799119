import {
  connectRequestSchema,
  type ApiErrorCode,
  type ConnectRequest,
  toolNameInSentence,
} from '@b2wiz/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '../../../../components/ui/button';
import { Field } from '../../../../components/ui/field';
import { TextInput } from '../../../../components/ui/text-input';
import { ApiError } from '../../api/api-client';
import { createSession } from '../../api/create-session';
import { ServerErrorAlert } from '../../components/server-error-alert';
import { StepLayout } from '../../components/step-layout';
import { fieldErrorsOn } from '../../server-field-errors';
import { formContext } from '../../form-context';
import { useSandboxOffered } from '../../use-sandbox-offered';
import { useNavigate, useWizardState, useWizardStore } from '../../wizard-store';
import { Connected } from './connected';

/** The key ID and key form uses the credentials half of the shared connect schema. */
const credentialsSchema = connectRequestSchema.options[1];
type Credentials = z.input<typeof credentialsSchema>;

function ConnectForm({ sandboxOffered }: { sandboxOffered: boolean }) {
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
    if (waiting)
      setError(
        new ApiError(401, {
          code: 'not_connected' satisfies ApiErrorCode,
          message: waiting.message,
        }),
      );
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
      const onFields = fieldErrorsOn(e, 'connect');
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
          <TextInput {...control} autoComplete="username" {...form.register('applicationKeyId')} />
        )}
      </Field>
      <Field
        label="Application key"
        description="The secret shown once when the key was made. It stays on the wizard’s server only until you press “Forget my credentials”, or until it has not been used for a while."
        error={errors.applicationKey?.message}
      >
        {(control) => (
          <div className="secret-input">
            <TextInput
              {...control}
              type={showKey ? 'text' : 'password'}
              autoComplete="current-password"
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
        {sandboxOffered && (
          <Button
            disabled={busy !== null}
            onClick={() => void connect({ sandbox: true }, 'sandbox')}
          >
            Practice in the sandbox
          </Button>
        )}
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
  // Hidden until the server says it offers one (SANDBOX=off turns it off).
  const sandboxOffered = useSandboxOffered() === true;
  return (
    <StepLayout
      title="Connect to Backblaze"
      intro={
        <>
          <p>
            Paste your master application key, or any key allowed to create buckets and keys. The
            wizard uses it to make a new key that can do only what {toolNameInSentence(target)}{' '}
            needs.
          </p>
          {sandboxOffered && (
            <p>No Backblaze account yet, or just trying? Practice in the sandbox.</p>
          )}
        </>
      }
    >
      {state.account ? (
        <Connected account={state.account} state={state} target={target} />
      ) : (
        <ConnectForm sandboxOffered={sandboxOffered} />
      )}
    </StepLayout>
  );
}
