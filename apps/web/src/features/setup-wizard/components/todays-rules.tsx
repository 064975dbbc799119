// An existing bucket's rules of today, above the choices that would change them.
import type { ReactNode } from 'react';

export function TodaysRules({
  bucketName,
  loading,
  children,
}: {
  bucketName: string | null;
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <section className="todays-rules" aria-label="Today’s rules">
      <p className="todays-rules__title">
        {bucketName ? `What “${bucketName}” does today` : 'What the bucket does today'}
      </p>
      {loading ? (
        <p role="status" className="status">
          Loading the bucket’s rules…
        </p>
      ) : (
        children
      )}
    </section>
  );
}
