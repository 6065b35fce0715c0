import type { Id } from '../ids';
import type { NormalizedWorkflowDefinition } from './normalized';
import type { Problem } from './problems';

/** One saved version of a named workflow template. */
export interface TemplateSummary {
  id: Id;
  name: string;
  version: number;
  description: string | null;
  createdBy: string | null;
  createdAt: number;
}

export interface Template extends TemplateSummary {
  definition: NormalizedWorkflowDefinition;
}

export type SaveTemplateResult =
  | { ok: true; template: TemplateSummary; /** Warnings only. */ problems: Problem[] }
  | { ok: false; problems: Problem[] };
