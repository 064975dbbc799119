import type { ReactNode } from 'react';

interface AlertProps {
  title: ReactNode;
  children?: ReactNode;
  /** "error" is announced at once (role="alert"); the others are read in page order. */
  tone?: 'error' | 'warning' | 'info' | 'success';
}

export function Alert({ title, children, tone = 'error' }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <p className="alert__title">{title}</p>
      {children}
    </div>
  );
}
