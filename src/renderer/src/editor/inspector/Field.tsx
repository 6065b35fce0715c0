import type { ReactNode } from 'react';

/** A labelled form row; the hint and the error sit under the control. */
export function Field({ label, hint, error, children }: { label: string; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <label className={`field ${error ? 'has-error' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
