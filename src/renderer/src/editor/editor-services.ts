import { createContext, useContext } from 'react';
import type { WorkflowDefinition } from '../../../shared/workflow/definition';
import type { Problem } from '../../../shared/workflow/problems';
import type { WorkflowFormat } from '../../../shared/workflow/read-result';
import type { AgentCatalogItem } from './model/agent-catalog';
import type { DeleteTemplateResult, TemplateListQuery, TemplateStatus } from '../../../shared/workflow/templates';

/**
 * Everything the workflow editor needs from the console core, kept this small so it can be
 * provided over the ConsoleApi (in the app) or in memory (in tests and previews). Ids are
 * decimal strings: 64-bit ids never pass through a JavaScript number.
 */
/** A named template as the editor's Open dialog lists it: its latest version (the store's rows are shared/workflow/templates.ts's TemplateSummary). */
export interface TemplateListing {
  templateName: string;
  name: string;
  description?: string | undefined;
  latestVersion: number;
  /** ISO 8601. */
  updatedAt: string;
  status: TemplateStatus;
  tags: string[];
}

export interface TemplateRef {
  templateName: string;
  version: number;
}

export interface LoadedTemplate extends TemplateRef {
  definition: WorkflowDefinition;
}

export interface SaveTemplateRequest {
  /** Absent for a workflow that has never been saved: the store makes a new template. */
  templateName?: string | undefined;
  definition: WorkflowDefinition;
}

export interface ImportResult {
  definition?: WorkflowDefinition | undefined;
  /** The file as written when it has errors the editor can repair (a missing parent, a cycle). */
  draft?: WorkflowDefinition | undefined;
  problems: Problem[];
}

export type ExportFormat = WorkflowFormat;

export interface StartTaskRequest {
  definition: WorkflowDefinition;
  /** The template version the definition was saved as, when it is unchanged since. */
  template?: TemplateRef | undefined;
}

export interface StartedTask {
  taskId: string;
}

export interface EditorServices {
  /** Archived templates only when the query names their status. */
  listTemplates(query?: TemplateListQuery): Promise<TemplateListing[]>;
  setTemplateStatus(templateName: string, status: TemplateStatus): Promise<void>;
  setTemplateTags(templateName: string, tags: string[]): Promise<void>;
  /** Deletes every version, or archives the template when tasks were made from it (the result says which). */
  deleteTemplate(templateName: string): Promise<DeleteTemplateResult>;
  /** The latest version unless one is named. */
  loadTemplate(templateName: string, version?: number): Promise<LoadedTemplate>;
  /** Stores the definition as the template's next version. */
  saveTemplate(request: SaveTemplateRequest): Promise<TemplateRef>;
  /** Reads a JSON or BPMN file's text; problems explain what could not be imported. */
  importWorkflow(fileName: string, text: string): Promise<ImportResult>;
  exportWorkflow(definition: WorkflowDefinition, format: ExportFormat): Promise<string>;
  /** The agent loads the connected Engines offer. */
  getAgentCatalog(): Promise<AgentCatalogItem[]>;
  createAndStartTask(request: StartTaskRequest): Promise<StartedTask>;
}

/**
 * Null while the window has no console core behind it: the editor still edits, validates and
 * lays out, and the actions that need the core are disabled with the reason shown.
 */
export const EditorServicesContext = createContext<EditorServices | null>(null);

export function useEditorServices(): EditorServices | null {
  return useContext(EditorServicesContext);
}
