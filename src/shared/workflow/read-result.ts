import type { WorkflowDefinition } from './definition';
import type { NormalizedWorkflowDefinition } from './normalized';
import type { Problem } from './problems';

/** `itops`: the IT-ops design's template (docs/itops-format.md). */
export const WORKFLOW_FORMATS = ['json', 'bpmn', 'itops'] as const;
export type WorkflowFormat = (typeof WORKFLOW_FORMATS)[number];
/** How messages name each format. */
export const WORKFLOW_FORMAT_NAMES: Readonly<Record<WorkflowFormat, string>> = { json: 'JSON', bpmn: 'BPMN', itops: 'IT-ops template' };

/** What reading a workflow file (JSON, IT-ops template or BPMN) gives: the valid definition, and every problem found. */
export interface WorkflowReadResult {
  /** The format the content was read as; absent when it could not be told. */
  format?: WorkflowFormat;
  /** Present when the workflow is valid: normalized, as validateWorkflow returns it. */
  definition?: NormalizedWorkflowDefinition;
  /**
   * Present instead when every field is well formed but the workflow as a whole has errors (a
   * missing parent, a cycle): the file as written, for the editor to open and repair.
   */
  draft?: WorkflowDefinition;
  problems: Problem[];
}
