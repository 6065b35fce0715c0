import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { WorkflowFormat } from '../../../shared/workflow/read-result';
import { validateWorkflow } from '../../../shared/workflow/validate';
import { exportBpmn } from '../workflow/bpmn/export';
import { definitionToItops } from '../../../shared/workflow/itops/export';

/** A definition as a file's text, or an INVALID_ARGUMENT naming how many problems keep it from being one. */
export async function exportWorkflowText(definition: unknown, format: WorkflowFormat): Promise<string> {
  const checked = validateWorkflow(definition);
  if (!checked.definition) {
    const count = checked.problems.filter((p) => p.severity === 'error').length;
    throw new ApiError('INVALID_ARGUMENT', errorReason('workflow.notExportable', { count }), { details: { problems: checked.problems } });
  }
  if (format === 'itops') return `${JSON.stringify(definitionToItops(checked.definition).template, null, 2)}\n`;
  return format === 'json' ? `${JSON.stringify(checked.definition, null, 2)}\n` : exportBpmn(checked.definition);
}
