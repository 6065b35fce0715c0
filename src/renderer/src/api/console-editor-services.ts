import type { ConsoleApi } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { errorReason, reasonText } from '../../../shared/api/error-reasons';
import type { EditorServices } from '../editor/editor-services';

/**
 * The editor's services over the ConsoleApi. A template's id, for the editor, is its name:
 * the store keeps one row per version, and the editor follows a template across versions.
 */
export function consoleEditorServices(api: ConsoleApi): EditorServices {
  return {
    async listTemplates(query) {
      return (await api.listTemplates(query)).map((template) => ({
        templateName: template.name,
        name: template.name,
        description: template.description ?? undefined,
        latestVersion: template.version,
        updatedAt: new Date(template.createdAt).toISOString(),
        status: template.status,
        tags: template.tags,
      }));
    },
    async setTemplateStatus(templateName, status) {
      await api.setTemplateStatus(templateName, status);
    },
    async setTemplateTags(templateName, tags) {
      await api.setTemplateTags(templateName, tags);
    },
    deleteTemplate: (templateName) => api.deleteTemplate(templateName),
    async loadTemplate(templateName, version) {
      const template = await api.loadTemplate(version === undefined ? { name: templateName } : { name: templateName, version });
      return { templateName: template.name, version: template.version, definition: template.definition };
    },
    async saveTemplate({ templateName, definition }) {
      const saved = await api.saveTemplate(templateName === undefined ? { definition } : { definition, name: templateName });
      if (!saved.ok) {
        const errors = saved.problems.filter((problem) => problem.severity === 'error');
        const reason = errorReason('workflow.invalid', { count: errors.length });
        throw new ApiError('INVALID_ARGUMENT', `${reasonText(reason)}: ${errors.map((problem) => problem.message).join('; ')}`, { details: { problems: saved.problems }, reason });
      }
      return { templateName: saved.template.name, version: saved.template.version };
    },
    importWorkflow: (fileName, text) => api.importWorkflow({ fileName, text }),
    exportWorkflow: (definition, format) => api.exportWorkflow({ definition, format }),
    getAgentCatalog: () => api.getAgentCatalog(),
    async createAndStartTask({ definition, template }) {
      const templateId = template ? (await api.loadTemplate({ name: template.templateName, version: template.version })).id : undefined;
      const created = await api.createTask(definition, templateId === undefined ? {} : { templateId });
      await api.startTask(created.task_id);
      return { taskId: created.task_id };
    },
  };
}
