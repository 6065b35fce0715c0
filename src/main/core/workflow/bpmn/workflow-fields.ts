import type { ModdleElement } from 'moddle';
import { onErrorSchema, type WorkflowDefinition } from '../../../../shared/workflow/definition';
import { readDeductionFields } from './deduction-fields';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';

/** Workflow fields the exporter writes on <definitions> as deduction:field JSON. */
type WorkflowFields = Partial<Pick<WorkflowDefinition, 'name' | 'description' | 'version' | 'variables' | 'onError'>>;

/** The workflow-level fields an exported file carries (name when XML cannot hold it, description, version, variables, default onError rules). */
export function readWorkflowFields(definitions: ModdleElement, problems: ImportProblems): WorkflowFields {
  const fields: WorkflowFields = {};
  for (const [name, value] of readDeductionFields(definitions, problems)) {
    if (name === 'name' && typeof value === 'string') fields.name = value;
    else if (name === 'description' && typeof value === 'string') fields.description = value;
    else if (name === 'version' && (typeof value === 'string' || typeof value === 'number')) fields.version = value;
    else if (name === 'variables' && typeof value === 'object' && value !== null && !Array.isArray(value)) fields.variables = value;
    else if (name === 'onError' && onErrorSchema.safeParse(value).success) fields.onError = onErrorSchema.parse(value);
    else problems.warn(BPMN_PROBLEM.extensionIgnored, { context: 'notWorkflowField', field: JSON.stringify(name) });
  }
  return fields;
}
