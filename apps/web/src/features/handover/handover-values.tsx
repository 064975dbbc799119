// What a handover holds, once: each value with Copy, the files with Copy and Download.
import type { HandoverBundle } from '@b2wiz/shared';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { downloadText } from '../../lib/download-file';
import { CopyValue } from '../setup-wizard/components/copy-value';
import { FileCard } from '../setup-wizard/components/file-card';

/** The values as one plain text file, for keeping them together. */
export function valuesText(bundle: HandoverBundle): string {
  return [
    `Application key ID: ${bundle.applicationKeyId}`,
    `Application key: ${bundle.applicationKey}`,
    `Bucket name: ${bundle.bucketName}`,
    `Endpoint: ${bundle.endpoint}`,
    `Region: ${bundle.region}`,
    '',
  ].join('\n');
}

export function HandoverValues({ bundle }: { bundle: HandoverBundle }) {
  return (
    <>
      <Alert tone="warning" title="This page shows the key only once.">
        <p>
          Copy or download it now. The link has been used: reloading this page or opening the link
          again will not show it.
        </p>
      </Alert>
      <div className="values">
        <CopyValue
          label="Application key ID"
          value={bundle.applicationKeyId}
          hint="Also called “Access Key ID” or “keyID”."
        />
        <CopyValue
          label="Application key"
          value={bundle.applicationKey}
          secret
          hint="The secret. Also called “Secret Access Key”."
        />
        <CopyValue label="Bucket name" value={bundle.bucketName} />
        <CopyValue label="Endpoint" value={bundle.endpoint} hint="The S3 endpoint." />
        <CopyValue label="Region" value={bundle.region} />
      </div>
      <div className="actions actions--start">
        <Button
          variant="primary"
          onClick={() => downloadText(`b2-key-${bundle.bucketName}.txt`, valuesText(bundle))}
        >
          Download the values
        </Button>
      </div>
      {bundle.files.length > 0 && (
        <>
          <h2>Your files</h2>
          <div className="files">
            {bundle.files.map((file) => (
              <FileCard key={file.filename} file={{ ...file, target: 'all' }} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
