import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  testId: string;
  wide?: boolean;
}

/** A modal over the window: Esc or the close button dismisses it; focus moves into it. */
export function Dialog({ title, onClose, children, actions, testId, wide }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        className={`dialog ${wide ? 'dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        ref={ref}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {actions && <footer className="dialog-actions">{actions}</footer>}
      </div>
    </div>
  );
}

interface DialogButtonsProps {
  onCancel: () => void;
  /** Defaults to the common "Cancel". */
  cancelLabel?: string;
  acceptLabel: string;
  onAccept: () => void;
  /** `danger` for an action that cannot be taken back. */
  tone?: 'primary' | 'danger';
  disabled?: boolean;
  testId?: string;
}

/** The footer most dialogs have: back out, or do the one thing the dialog is for. */
export function DialogButtons({ onCancel, cancelLabel, acceptLabel, onAccept, tone = 'primary', disabled, testId }: DialogButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </button>
      <button type="button" className={`${tone}-button`} disabled={disabled} data-testid={testId} onClick={onAccept}>
        {acceptLabel}
      </button>
    </>
  );
}
