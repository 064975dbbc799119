import type { GeneratedFile } from '@b2wiz/shared';
import { useId, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { downloadText, savedFileName } from '../../../lib/download-file';
import { CopyButton } from './copy-button';

interface FileCardProps {
  file: GeneratedFile;
  description?: ReactNode;
  /** Called after the file was copied or downloaded. */
  onSaved?: () => void;
}

/**
 * A config file the API made: its name as it will be saved, Copy and Download, and its content
 * folded away until asked for.
 */
export function FileCard({ file, description, onSaved }: FileCardProps) {
  const id = useId();
  const name = savedFileName(file.filename);
  return (
    <article className="file-card" aria-labelledby={`${id}-name`}>
      <h3 className="file-card__name" id={`${id}-name`}>
        {name}
      </h3>
      {description && <p className="file-card__description">{description}</p>}
      <div className="file-card__actions">
        <CopyButton text={file.content} what={name} onCopied={onSaved} />
        <Button
          className="button--small"
          onClick={() => {
            downloadText(name, file.content, file.mediaType);
            onSaved?.();
          }}
        >
          Download
        </Button>
      </div>
      <details className="file-card__preview">
        <summary>Show what is in {name}</summary>
        <pre className="file-card__content">{file.content}</pre>
      </details>
    </article>
  );
}
