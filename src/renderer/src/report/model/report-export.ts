import { isTimeZone } from '../../../../shared/report/format';
import type { ReportFile, ReportFormat, ReportLanguage, ReportRequest } from '../../../../shared/report/run-report';

/** Any Chinese the window speaks writes a Chinese report; everything else, English. */
export function reportLanguage(language: string | undefined): ReportLanguage {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The reader's zone, so the report's times match the clock on the wall; left out when unknown. */
export function readerTimeZone(zone: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone): string | undefined {
  return zone && isTimeZone(zone) ? zone : undefined;
}

/** What a request may ask beyond the run report: a comparison with another run, or the after-action review. */
export interface ReportExtras {
  compareWith?: string;
  afterAction?: boolean;
}

export function reportRequest(taskId: string, format: ReportFormat, language: string | undefined, timeZone: string | undefined, extras: ReportExtras = {}): ReportRequest {
  return {
    taskId,
    format,
    language: reportLanguage(language),
    ...(timeZone ? { timeZone } : {}),
    ...(extras.compareWith ? { compareWith: extras.compareWith } : {}),
    ...(extras.afterAction ? { afterAction: true } : {}),
  };
}

/** The file's bytes as a Blob: text as it is, a PDF decoded from its base64. */
export function reportBlob(file: ReportFile): Blob {
  if (file.encoding === 'utf8') return new Blob([file.content], { type: file.mimeType });
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: file.mimeType });
}

export type ReportExportState =
  | { kind: 'idle' }
  | { kind: 'running'; format: ReportFormat }
  | { kind: 'done'; format: ReportFormat; fileName: string }
  | { kind: 'error'; format: ReportFormat; error: unknown };

