import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { ReportFormat } from '../../../shared/report/run-report';
import { readerTimeZone, reportBlob, reportRequest, type ReportExportState } from './model/report-export';

/** Hands a Blob to the user as a file through a temporary link, which Electron and browsers both download. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click has been handled.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks the core for a report file and downloads it; one export at a time, the latest wins. */
export function useReportExport(client: ConsoleClient, taskId: string, language: string, compareWith?: string) {
  const [state, setState] = useState<ReportExportState>({ kind: 'idle' });
  const latest = useRef(0);
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );

  const start = useCallback(
    (format: ReportFormat, afterAction = false) => {
      const call = ++latest.current;
      setState({ kind: 'running', format });
      client.exportRunReport(reportRequest(taskId, format, language, readerTimeZone(), { compareWith, afterAction })).then(
        (file) => {
          if (call !== latest.current) return;
          download(reportBlob(file), file.fileName);
          setState({ kind: 'done', format, fileName: file.fileName });
        },
        (error: unknown) => {
          if (call === latest.current) setState({ kind: 'error', format, error });
        },
      );
    },
    [client, taskId, language, compareWith],
  );

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, start, dismiss };
}
