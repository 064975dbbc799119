// The Connect step once a key (or the sandbox) is connected: what that key can and cannot do.
import {
  WIZARD_CAPABILITIES,
  type AccountSummary,
  type Target,
  toolNameInSentence,
} from '@b2wiz/shared';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { deleteSession } from '../../api/delete-session';
import { ServerErrorAlert } from '../../components/server-error-alert';
import { StepActions } from '../../components/step-actions';
import { blockingMissingCapabilities } from '../../step-progress';
import { type WizardState, useNavigate, useWizardStore } from '../../wizard-store';

// Loaded when asked for: neither the first page nor this step carries the keys panel.
const KeysPanel = lazy(() =>
  import('../../../keys/keys-panel').then((m) => ({ default: m.KeysPanel })),
);

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

/** Why this key cannot finish a setup, and which key to connect with instead. */
function CannotSetUp({
  account,
  blocking,
  tool,
}: {
  account: AccountSummary;
  blocking: readonly string[];
  tool: string;
}) {
  const restricted = account.restrictedBucket;
  if (!restricted) {
    return (
      <Alert title="This key can’t set things up.">
        {capabilityList(blocking)}
        <p>
          Connect with the master application key, or make a key with these capabilities in the
          Backblaze dashboard (App Keys), then connect with it.
        </p>
      </Alert>
    );
  }
  const bucket = restricted.bucketName ?? restricted.bucketId;
  return (
    <Alert title={`This key works only with the bucket “${bucket}”, so it can’t finish a setup.`}>
      <p>
        It connects, but the wizard must make a new key for {tool}, and a key kept to one bucket can
        never make keys.
      </p>
      {capabilityList(blocking)}
      <p>
        Press “Use a different key”, then connect with the master application key, or with a key for
        all buckets that may create keys (the capability “writeKeys”).
      </p>
    </Alert>
  );
}

export function Connected({
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
  const [showKeys, setShowKeys] = useState(false);
  const blocking = blockingMissingCapabilities(state);
  const optional = account.missingCapabilities.filter((c) => !blocking.includes(c));
  const tool = toolNameInSentence(target);

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
      {blocking.length > 0 && <CannotSetUp account={account} blocking={blocking} tool={tool} />}
      {blocking.length === 0 && optional.length > 0 && (
        <Alert tone="warning" title="This key can do most of the setup, but not all of it.">
          {capabilityList(optional)}
          <p>You can go on; a step that needs one of these will say so.</p>
        </Alert>
      )}
      {account.restrictedBucket && blocking.length === 0 && (
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
      <p>
        <Button aria-expanded={showKeys} onClick={() => setShowKeys((shown) => !shown)}>
          The account’s keys
        </Button>
      </p>
      {showKeys && (
        <Suspense
          fallback={
            <p role="status" className="status">
              Loading the account’s keys…
            </p>
          }
        >
          <KeysPanel />
        </Suspense>
      )}
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
