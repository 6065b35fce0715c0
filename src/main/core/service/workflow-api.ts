import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { ConsoleApi } from '../../../shared/api/contract';
import { validateWorkflow } from '../../../shared/workflow/validate';
import { parseWorkflowText } from '../workflow/json-file';
import { diffTemplateVersions, listTemplates, listTemplateVersions, loadTemplate, saveTemplate } from '../workflow/templates';
import type { ConsoleServiceDeps } from './console-service';
import { sharedHeavyWork } from './heavy-work';

type WorkflowMethods = Pick<
  ConsoleApi,
  'validateWorkflow' | 'importWorkflow' | 'exportWorkflow' | 'listTemplates' | 'listTemplateVersions' | 'loadTemplate' | 'saveTemplate' | 'diffTemplates'
>;

export function workflowApi({ store, operator, engines, triggers }: ConsoleServiceDeps): WorkflowMethods {
  return {
    validateWorkflow: async (definition) => validateWorkflow(definition, { agents: engines.catalog() }),
    importWorkflow: ({ fileName, text }) => parseWorkflowText(text, { source: fileName || 'the file', fileName }),
    // Tens of seconds for a large definition: on the heavy-work thread, not the loop that serves everyone else.
    exportWorkflow: ({ definition, format }) => sharedHeavyWork().exportWorkflow(definition, format),
    listTemplates: async (query) => listTemplates(store, query),
    listTemplateVersions: async (name) => listTemplateVersions(store, name),
    loadTemplate: async (ref) => {
      const template = loadTemplate(store, ref);
      if (!template) throw templateNotFound(ref);
      return template;
    },
    saveTemplate: async ({ definition, name, description }) =>
      saveTemplate(store, definition, {
        createdBy: operator(),
        ...(name === undefined ? {} : { name }),
        ...(description === undefined ? {} : { description }),
        // The triggers it declares take their next firing from the trigger service's time.
        ...(triggers && { now: () => triggers.now() }),
      }),
    diffTemplates: async ({ name, from, to }) => diffTemplateVersions(store, name, from, to),
  };
}

function templateNotFound(ref: { id: string } | { name: string; version?: number }): ApiError {
  if ('id' in ref) return new ApiError('NOT_FOUND', errorReason('template.idNotFound', { id: ref.id }));
  return new ApiError('NOT_FOUND', ref.version ? errorReason('template.versionNotFound', { name: ref.name, version: ref.version }) : errorReason('template.notFound', { name: ref.name }));
}
