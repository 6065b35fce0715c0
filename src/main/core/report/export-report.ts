import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import { renderNodesCsv } from '../../../shared/report/render-csv';
import { renderReportHtml } from '../../../shared/report/render-html';
import { REPORT_STRINGS } from '../../../shared/report/report-strings';
import { reportRequestSchema, type ReportFile, type ReportFormat, type ReportRequest } from '../../../shared/report/run-report';
import type { Store } from '../store/store';
import { compareRuns } from '../../../shared/compare/run-compare';
import { runSide } from '../compare/run-side';
import { gatherRunReport } from './gather-report';
import { gatherAfterAction } from './gather-after-action';
import { renderAfterActionHtml } from '../../../shared/report/render-after-action';
import type { HtmlToPdf } from './html-to-pdf';

const MIME_TYPES: Record<ReportFormat, string> = {
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
};

/** Letters and digits of any script survive; everything a file system might refuse becomes a dash. */
function fileStem(taskName: string): string {
  const stem = taskName
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return [...stem].slice(0, 60).join('') || 'task';
}

export function reportFileName(taskName: string, taskId: string, format: ReportFormat, afterAction = false): string {
  return `${format === 'csv' ? 'nodes' : afterAction ? 'after-action' : 'run-report'}-${fileStem(taskName)}-${taskId}.${format}`;
}

/** A report written as text: the node table as CSV, otherwise the HTML document (a PDF is printed from it). */
export interface RenderedReport {
  fileName: string;
  text: string;
}

/** Gathers and renders a validated request; the console runs this on its heavy-work thread. */
export type ReportRenderer = (store: Store, request: ReportRequest, now?: number) => Promise<RenderedReport>;

export function renderRunReport(store: Store, request: ReportRequest, now?: number): RenderedReport {
  if (request.afterAction === true) {
    const review = gatherAfterAction(store, request.taskId, { timeZone: request.timeZone, now });
    return { fileName: reportFileName(review.task.name, review.task.taskId, request.format, true), text: renderAfterActionHtml(review, REPORT_STRINGS[request.language]) };
  }
  const gathered = gatherRunReport(store, request.taskId, { timeZone: request.timeZone, now });
  const report = request.compareWith === undefined ? gathered : { ...gathered, comparison: compareRuns(runSide(store, request.compareWith), runSide(store, request.taskId)) };
  const strings = REPORT_STRINGS[request.language];
  const fileName = reportFileName(report.task.name, report.task.taskId, request.format);
  return { fileName, text: request.format === 'csv' ? renderNodesCsv(report, strings) : renderReportHtml(report, strings) };
}

const renderInline: ReportRenderer = async (store, request, now) => renderRunReport(store, request, now);

/**
 * A task's run report as a file: the HTML document, that document printed to PDF, or the node
 * table as CSV, in the language asked for; or its after-action review, as HTML or PDF.
 */
export async function exportRunReport(
  store: Store,
  input: ReportRequest,
  htmlToPdf: HtmlToPdf | undefined,
  now?: number,
  render: ReportRenderer = renderInline,
): Promise<ReportFile> {
  const request = reportRequestSchema.parse(input);
  const print = request.format === 'pdf' ? htmlToPdf : undefined;
  if (request.format === 'pdf' && !print) {
    throw new ApiError('UNAVAILABLE', errorReason('report.pdfNeedsBrowser', {}));
  }
  const { fileName, text } = await render(store, request, now);
  const mimeType = MIME_TYPES[request.format];
  if (!print) return { fileName, mimeType, encoding: 'utf8', content: text };
  const pdf = await print(text);
  return { fileName, mimeType, encoding: 'base64', content: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64') };
}
