import { Alert } from '../../../components/ui/alert';
import { ApiError } from '../api/api-client';

/** An error that belongs to no field: what happened, and the next step to take. */
export function ServerErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.message ?? 'Something went wrong in this page.';
  const next = apiError ? apiError.nextStep : 'Reload the page and try again.';
  return (
    <Alert title={title ?? message}>
      {title && <p>{message}</p>}
      {next && <p>{next}</p>}
    </Alert>
  );
}
