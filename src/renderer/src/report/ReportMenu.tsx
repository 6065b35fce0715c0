import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import { REPORT_FORMATS } from '../../../shared/report/run-report';
import { useReportExport } from './use-report-export';
import './report.css';

interface ReportMenuProps {
  client: ConsoleClient;
  taskId: string;
}

/** "Report ▾": the task's run report as HTML or PDF, or its node table as CSV, in the window's language. */
export const ReportMenu = memo(function ReportMenu({ client, taskId }: ReportMenuProps) {
  const { t, i18n } = useTranslation();
  const { state, start, dismiss } = useReportExport(client, taskId, i18n.language);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const running = state.kind === 'running';
  return (
    <div className="report-menu" ref={root}>
      <button
        type="button"
        className="report-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={running}
        title={t('report.menu.hint')}
        onClick={() => setOpen((value) => !value)}
      >
        {t('report.menu.button')} ▾
      </button>
      {open ? (
        <div className="report-menu__list" role="menu">
          {REPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="report-menu__item"
              onClick={() => {
                setOpen(false);
                start(format);
              }}
            >
              {t(`report.menu.${format}`)}
            </button>
          ))}
        </div>
      ) : null}
      {state.kind === 'running' ? (
        <span className="report-menu__status" role="status">
          <span className="report-menu__spinner" aria-hidden="true" />
          {t('report.status.running', { format: t(`report.formats.${state.format}`) })}
        </span>
      ) : null}
      {state.kind === 'done' ? (
        <span className="report-menu__status" role="status" title={state.fileName}>
          {t('report.status.done', { fileName: state.fileName })}
        </span>
      ) : null}
      {state.kind === 'error' ? (
        <span className="report-menu__status report-menu__status--error" role="alert">
          {t('report.status.failed', { format: t(`report.formats.${state.format}`), message: state.message })}
        </span>
      ) : null}
      {state.kind === 'done' || state.kind === 'error' ? (
        <button type="button" className="report-menu__dismiss" aria-label={t('report.status.dismiss')} title={t('report.status.dismiss')} onClick={dismiss}>
          ×
        </button>
      ) : null}
    </div>
  );
});
