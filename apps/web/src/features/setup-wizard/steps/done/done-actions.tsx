// The Done step's main actions, first on the page: download everything, or set up another.
import type { SetupResult } from '@b2wiz/shared';
import { useState, type ReactNode } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { CheckboxField } from '../../../../components/ui/field';
import { downloadZip } from '../../../../lib/download-file';
import { useNavigate, useWizardState, useWizardStore } from '../../wizard-store';
import { zipEntries } from './file-notes';

export function DoneActions({ result, extra }: { result: SetupResult; extra?: ReactNode }) {
  const store = useWizardStore();
  const navigate = useNavigate();
  const { secretSaved } = useWizardState();
  const [confirming, setConfirming] = useState(false);
  const [sameSettings, setSameSettings] = useState(false);

  function setUpAnother() {
    if (!secretSaved && !confirming) {
      setConfirming(true);
      return;
    }
    // The connection stays: the next setup starts at the first step without asking for a key.
    store.startAnother({ sameSettings });
    navigate('target');
  }

  return (
    <>
      <div className="actions actions--start">
        <Button
          variant="primary"
          onClick={async () => {
            const bucketName = result.bucket.bucketName;
            await downloadZip(`b2-setup-${bucketName}.zip`, zipEntries(result.files, bucketName));
            store.setSecretSaved(true);
          }}
        >
          Download all
        </Button>
        <Button onClick={setUpAnother}>Set up another</Button>
        {extra}
      </div>
      <CheckboxField label="Same settings as the last one">
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={sameSettings}
            onChange={(event) => setSameSettings(event.target.checked)}
          />
        )}
      </CheckboxField>
      {confirming && !secretSaved && (
        <Alert title="You have not saved the application key yet.">
          <p>
            It can’t be shown again. Copy it or download the files first, or press “Set up another”
            again to go on without it.
          </p>
        </Alert>
      )}
    </>
  );
}
