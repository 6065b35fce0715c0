import type { NormalizedWorkflowDefinition } from './normalized';
import type { Problem } from './problems';

export const WORKFLOW_FORMATS = ['json', 'bpmn'] as const;
export type WorkflowFormat = (typeof WORKFLOW_FORMATS)[number];

/** What reading a workflow file (JSON or BPMN) gives: the valid definition, and every problem found. */
export interface WorkflowReadResult {
  /** The format the content was read as; absent when it could not be told. */
  format?: WorkflowFormat;
  /** Present when the workflow is valid: normalized, as validateWorkflow returns it. */
  definition?: NormalizedWorkflowDefinition;
  problems: Problem[];
}
