import type { GeneratedFile } from '@b2wiz/shared';
import { useId, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { downloadText } from '../../../lib/download-file';
import { CopyButton } from './copy-button';

interface FileCardProps {
  file: GeneratedFile;
  description?: ReactNode;
  /** Called after the file was copied or downloaded. */
  onSaved?: () => void;
}

/** A config file the API made: its content, with Copy and Download. */
export function FileCard({ file, description, onSaved }: FileCardProps) {
  const id = useId();
  return (
    <article className="file-card" aria-labelledby={`${id}-name`}>
      <h3 className="file-card__name" id={`${id}-name`}>
        {file.filename}
      </h3>
      {description && <p className="file-card__description">{description}</p>}
      <pre className="file-card__content">{file.content}</pre>
      <div className="file-card__actions">
        <CopyButton text={file.content} what={file.filename} onCopied={onSaved} />
        <Button
          className="button--small"
          onClick={() => {
            downloadText(file.filename, file.content, file.mediaType);
            onSaved?.();
          }}
        >
          Download
        </Button>
      </div>
    </article>
  );
}
