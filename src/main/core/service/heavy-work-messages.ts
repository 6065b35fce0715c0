import type { ApiErrorBody } from '../../../shared/api/errors';
import type { ReportRequest } from '../../../shared/report/run-report';
import type { WorkflowFormat } from '../../../shared/workflow/read-result';
import type { RenderedReport } from '../report/export-report';

/** Work the console hands to its heavy-work thread, so its own loop keeps answering meanwhile. */
export type HeavyJob =
  | { kind: 'exportWorkflow'; definition: unknown; format: WorkflowFormat }
  /** The thread reads the database file through its own read-only connection. */
  | { kind: 'renderReport'; file: string; request: ReportRequest; now?: number | undefined };

/** What each kind of job answers with. */
export interface HeavyResults {
  exportWorkflow: string;
  renderReport: RenderedReport;
}

export interface HeavyRequest {
  id: number;
  job: HeavyJob;
}

export type HeavyReply = { id: number; ok: true; result: HeavyResults[HeavyJob['kind']] } | { id: number; ok: false; error: ApiErrorBody };
