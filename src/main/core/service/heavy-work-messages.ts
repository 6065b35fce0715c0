import type { ApiErrorBody } from '../../../shared/api/errors';
import type { WorkflowFormat } from '../../../shared/workflow/read-result';

/** Work the console hands to its heavy-work thread, so its own loop keeps answering meanwhile. */
export type HeavyJob = { kind: 'exportWorkflow'; definition: unknown; format: WorkflowFormat };

export interface HeavyRequest {
  id: number;
  job: HeavyJob;
}

export type HeavyReply = { id: number; ok: true; result: string } | { id: number; ok: false; error: ApiErrorBody };
