import { LOG_PAGE_MAX, type LogLine, type LogPage, type LogQuery } from '../../../../shared/api/logs';

export const EXPORT_FORMATS = ['log', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One line of a .log file: ISO time (UTC), level, node, type and source, message (kept on one line), its extra data as JSON. */
export function formatLogLine(line: LogLine): string {
  const source = line.source === null ? '' : ` ${line.source}`;
  const message = line.message.replace(/\r?\n/g, '\\n');
  const extra = line.extra === null ? '' : ` ${JSON.stringify(line.extra)}`;
  return `${new Date(line.time).toISOString()} ${line.level.toUpperCase().padEnd(5)} [${line.nodeId}] ${line.type}${source}: ${message}${extra}`;
}

export function formatExportLine(line: LogLine, format: ExportFormat): string {
  return format === 'ndjson' ? JSON.stringify(line) : formatLogLine(line);
}

export interface ExportProgress {
  lines: number;
  pages: number;
}

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
    this.name = 'ExportCancelled';
  }
}

/**
 * Every line matching `query`, oldest first, as text chunks of the chosen format (one chunk
 * per page, each line ending in a newline), paging with the largest page the API allows.
 * Stops with ExportCancelled as soon as `signal` aborts.
 */
export async function collectExport(
  fetchPage: (query: LogQuery) => Promise<LogPage>,
  query: LogQuery,
  format: ExportFormat,
  options: { signal?: AbortSignal; onProgress?: (progress: ExportProgress) => void } = {},
): Promise<string[]> {
  const chunks: string[] = [];
  const progress: ExportProgress = { lines: 0, pages: 0 };
  let cursor: string | undefined;
  for (;;) {
    if (options.signal?.aborted) throw new ExportCancelled();
    const page = await fetchPage({ ...query, direction: 'forward', limit: LOG_PAGE_MAX, ...(cursor === undefined ? {} : { cursor }) });
    if (options.signal?.aborted) throw new ExportCancelled();
    if (page.lines.length > 0) chunks.push(page.lines.map((line) => `${formatExportLine(line, format)}\n`).join(''));
    progress.lines += page.lines.length;
    progress.pages += 1;
    options.onProgress?.({ ...progress });
    if (page.nextCursor === null) return chunks;
    cursor = page.nextCursor;
  }
}

/** A file name for the export: task, node when filtered, and the moment, safe on every platform. */
export function exportFileName(taskName: string, nodeId: string | null, format: ExportFormat, now: Date): string {
  const safe = (text: string) => text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const parts = [safe(taskName) || 'task', nodeId === null ? null : safe(nodeId), stamp].filter((part): part is string => part !== null && part !== '');
  return `${parts.join('_')}.${format}`;
}
