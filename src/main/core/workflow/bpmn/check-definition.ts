import { type WorkflowDefinition, workflowDefinitionSchema } from '../../../../shared/workflow/definition';
import type { Problem } from '../../../../shared/workflow/problems';
import { BPMN_PROBLEM } from './import-problems';

/** Whether what the import built is a valid workflow definition, with the problems if not. */
export function checkDefinition(candidate: unknown): { definition?: WorkflowDefinition; problems: Problem[] } {
  const parsed = workflowDefinitionSchema.safeParse(candidate);
  if (parsed.success) return { definition: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => ({
      severity: 'error',
      code: BPMN_PROBLEM.invalidResult,
      path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
      message: `The imported workflow is invalid: ${issue.message}`,
    })),
  };
}
