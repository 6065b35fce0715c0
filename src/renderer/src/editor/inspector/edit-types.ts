import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import type { SelectionState } from '../model/flow-mapping';

/** How inspector panels change the document: a pure edit, merged with edits of the same key. */
export type ApplyEdit = (apply: (definition: WorkflowDefinition) => WorkflowDefinition, coalesceKey?: string, select?: SelectionState) => void;
