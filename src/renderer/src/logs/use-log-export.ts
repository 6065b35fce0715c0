import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { LogQuery } from '../../../shared/api/logs';
import { collectExport, ExportCancelled, type ExportFormat } from './model/export-lines';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; lines: number }
  | { kind: 'done'; lines: number; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; error: unknown };

/** Hands text to the user as a file: a Blob behind a temporary link, which Electron and browsers both download. */
function download(chunks: string[], fileName: string, format: ExportFormat): void {
  const blob = new Blob(chunks, { type: format === 'ndjson' ? 'application/x-ndjson' : 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports every line matching a query (not just the loaded window), with progress and cancel. */
export function useLogExport(client: ConsoleClient) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (query: LogQuery, format: ExportFormat, fileName: string) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ kind: 'running', lines: 0 });
      let exported = 0;
      const onProgress = ({ lines }: { lines: number }) => {
        exported = lines;
        setState({ kind: 'running', lines });
      };
      collectExport((page) => client.queryLogs(page), query, format, { signal: abort.signal, onProgress }).then(
        (chunks) => {
          if (abort.signal.aborted) return;
          download(chunks, fileName, format);
          setState({ kind: 'done', lines: exported, fileName });
        },
        (error: unknown) => setState(error instanceof ExportCancelled ? { kind: 'cancelled' } : { kind: 'error', error }),
      );
    },
    [client],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState({ kind: 'cancelled' });
  }, []);

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, start, cancel, dismiss };
}
