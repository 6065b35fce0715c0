import type { WorkflowDefinition } from '../../../../shared/workflow/definition';
import type { Problem } from '../../../../shared/workflow/problems';
import { validateWorkflow } from '../../../../shared/workflow/validate';

/**
 * Runs what the import built through the workflow validator: the definition comes back only when
 * it is valid, and the validator's own findings (warnings included) join the import's.
 */
export function checkDefinition(candidate: WorkflowDefinition): { definition?: WorkflowDefinition; problems: Problem[] } {
  const result = validateWorkflow(candidate);
  return result.ok ? { definition: candidate, problems: result.problems } : { problems: result.problems };
}
