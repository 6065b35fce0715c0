import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import { REPORT_FORMATS } from '../../../shared/report/run-report';
import { errorMessage } from '../common/error-message';
import { useReportExport } from './use-report-export';
import './report.css';

const DONE_VISIBLE_MS = 5000;
/** The after-action review, built from the task's bookmarks, is a document: no CSV of it. */
const AFTER_ACTION_FORMATS = ['html', 'pdf'] as const;

interface ReportMenuProps {
  client: ConsoleClient;
  taskId: string;
  /** Another task the report compares this run with (no CSV then: it holds the node table alone). */
  compareWith?: string;
}

/** "Report ▾": the task's run report as HTML or PDF, or its node table as CSV, in the window's language. */
export const ReportMenu = memo(function ReportMenu({ client, taskId, compareWith }: ReportMenuProps) {
  const { t, i18n } = useTranslation();
  const { state, start, dismiss } = useReportExport(client, taskId, i18n.language, compareWith);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const running = state.kind === 'running';
  // A success needs no answer: it goes by itself; a failure stays until read and dismissed.
  useEffect(() => {
    if (state.kind !== 'done') return;
    const timer = window.setTimeout(dismiss, DONE_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [state, dismiss]);
  return (
    <div className="report-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="report-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={running}
        aria-busy={running}
        title={t('report.menu.hint')}
        onClick={() => setOpen((value) => !value)}
      >
        {t('report.menu.button')} ▾
      </button>
      {open ? (
        <div className="report-menu__list" role="menu">
          {REPORT_FORMATS.filter((format) => !compareWith || format !== 'csv').map((format, index) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              // Opened from the keyboard, the menu is ready for Enter or Tab at once.
              autoFocus={index === 0}
              className="report-menu__item"
              onClick={() => {
                setOpen(false);
                start(format);
              }}
            >
              {t(`report.menu.${format}`)}
            </button>
          ))}
          {/* The after-action review is one task's: a comparison's menu offers the comparison alone. */}
          {!compareWith &&
            AFTER_ACTION_FORMATS.map((format) => (
            <button
              key={`after-action-${format}`}
              type="button"
              role="menuitem"
              className="report-menu__item"
              data-testid={`report-after-action-${format}`}
              onClick={() => {
                setOpen(false);
                start(format, true);
              }}
            >
              {t(`report.menu.afterAction.${format}`)}
            </button>
          ))}
        </div>
      ) : null}
      {state.kind !== 'idle' && !open ? (
        <div className={`report-menu__bubble${state.kind === 'error' ? ' report-menu__bubble--error' : ''}`} role={state.kind === 'error' ? 'alert' : 'status'}>
          {state.kind === 'running' ? <span className="report-menu__spinner" aria-hidden="true" /> : null}
          <span className="report-menu__message" title={state.kind === 'done' ? state.fileName : undefined}>
            {state.kind === 'running'
              ? t('report.status.running', { format: t(`report.formats.${state.format}`) })
              : state.kind === 'done'
                ? t('report.status.done', { format: t(`report.formats.${state.format}`) })
                : t('report.status.failed', { format: t(`report.formats.${state.format}`), message: errorMessage(t, state.error) })}
          </span>
          {state.kind !== 'running' ? (
            <button type="button" className="report-menu__dismiss" aria-label={t('report.status.dismiss')} title={t('report.status.dismiss')} onClick={dismiss}>
              ×
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});
