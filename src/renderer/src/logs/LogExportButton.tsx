import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { LogQuery } from '../../../shared/api/logs';
import { errorMessage } from '../common/error-message';
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from './model/export-lines';
import { useLogExport } from './use-log-export';

interface LogExportButtonProps {
  client: ConsoleClient;
  /** The filtered query; null while the filters cannot be sent. */
  query: LogQuery | null;
  taskName: string;
  nodeId: string | null;
}

/** Export of every line the filters match (not only those loaded), with its progress and a cancel. */
export function LogExportButton({ client, query, taskName, nodeId }: LogExportButtonProps) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('log');
  const { state, start, cancel, dismiss } = useLogExport(client);

  return (
    <div className="log-export">
      {state.kind === 'running' ? (
        <>
          <span className="log-export__status" role="status">
            {t('logs.export.running', { count: state.lines })}
          </span>
          <button type="button" className="log-button" onClick={cancel}>
            {t('logs.export.cancel')}
          </button>
        </>
      ) : (
        <>
          {state.kind === 'done' ? (
            <span className="log-export__status" role="status" title={state.fileName}>
              {t('logs.export.done', { count: state.lines })}
            </span>
          ) : null}
          {state.kind === 'cancelled' ? (
            <span className="log-export__status" role="status">
              {t('logs.export.cancelled')}
            </span>
          ) : null}
          {state.kind === 'error' ? (
            <span className="log-export__status log-export__status--error" role="alert">
              {t('logs.export.failed', { message: errorMessage(t, state.error) })}
            </span>
          ) : null}
          {state.kind !== 'idle' ? (
            <button type="button" className="log-button log-button--quiet" aria-label={t('logs.export.dismiss')} onClick={dismiss}>
              ×
            </button>
          ) : null}
          <select aria-label={t('logs.export.format')} value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((option) => (
              <option key={option} value={option}>
                {t(`logs.export.formats.${option}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="log-button"
            disabled={query === null}
            title={t('logs.export.hint')}
            onClick={() => query !== null && start(query, format, exportFileName(taskName, nodeId, format, new Date()))}
          >
            {t('logs.export.button')}
          </button>
        </>
      )}
    </div>
  );
}
