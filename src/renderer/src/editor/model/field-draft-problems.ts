import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import { WORKFLOW_PROBLEM } from '../../../../shared/workflow/problem-codes';
import { problem, type Problem } from '../../../../shared/workflow/problems';
import type { FieldDraft } from '../inspector/field-drafts';

/**
 * One error per inspector field whose typed text is not applied, placed on its node (or its
 * dependency) as the definition now stands; a draft whose node or dependency is gone is not listed.
 */
export function fieldDraftProblems(definition: WorkflowDefinition, drafts: ReadonlyMap<string, FieldDraft>): Problem[] {
  const found: Problem[] = [];
  for (const draft of drafts.values()) {
    const index = definition.nodes.findIndex((node) => node.nodeId === draft.nodeId);
    const node = definition.nodes[index];
    if (!node) continue;
    const [head, position] = draft.path;
    if (head === 'dependencies' && (typeof position !== 'number' || node.dependencies?.[position] === undefined)) continue;
    const made = problem('error', WORKFLOW_PROBLEM.invalidLogic, ['nodes', index, ...draft.path], { context: 'unapplied', field: draft.field, reason: draft.reason }, draft.nodeId);
    made.pathNodeId = draft.nodeId;
    found.push(made);
  }
  return found;
}
