import { ApiError } from '../../../shared/api/errors';
import type { ConsoleApi } from '../../../shared/api/contract';
import { validateWorkflow } from '../../../shared/workflow/validate';
import { exportBpmn } from '../workflow/bpmn/export';
import { parseWorkflowText } from '../workflow/json-file';
import { diffTemplateVersions, listTemplates, listTemplateVersions, loadTemplate, saveTemplate } from '../workflow/templates';
import type { ConsoleServiceDeps } from './console-service';

type WorkflowMethods = Pick<
  ConsoleApi,
  'validateWorkflow' | 'importWorkflow' | 'exportWorkflow' | 'listTemplates' | 'listTemplateVersions' | 'loadTemplate' | 'saveTemplate' | 'diffTemplates'
>;

export function workflowApi({ store, operator }: ConsoleServiceDeps): WorkflowMethods {
  return {
    validateWorkflow: async (definition) => validateWorkflow(definition),
    importWorkflow: ({ fileName, text }) => parseWorkflowText(text, { source: fileName || 'the file', fileName }),
    exportWorkflow: async ({ definition, format }) => {
      const checked = validateWorkflow(definition);
      if (!checked.definition) {
        throw new ApiError('INVALID_ARGUMENT', `the workflow cannot be exported: ${checked.problems.filter((p) => p.severity === 'error').length} problem(s)`, {
          problems: checked.problems,
        });
      }
      return format === 'json' ? `${JSON.stringify(checked.definition, null, 2)}\n` : exportBpmn(checked.definition);
    },
    listTemplates: async () => listTemplates(store),
    listTemplateVersions: async (name) => listTemplateVersions(store, name),
    loadTemplate: async (ref) => {
      const template = loadTemplate(store, ref);
      if (!template) throw new ApiError('NOT_FOUND', 'id' in ref ? `there is no template ${ref.id}` : `there is no template ${JSON.stringify(ref.name)}${ref.version ? ` version ${ref.version}` : ''}`);
      return template;
    },
    saveTemplate: async ({ definition, name, description }) =>
      saveTemplate(store, definition, { createdBy: operator(), ...(name === undefined ? {} : { name }), ...(description === undefined ? {} : { description }) }),
    diffTemplates: async ({ name, from, to }) => diffTemplateVersions(store, name, from, to),
  };
}
