import { z } from 'zod';
import type { ApiErrorReason } from '../api/error-reasons';
import type { Id } from '../ids';
import type { NormalizedWorkflowDefinition } from './normalized';
import type { Problem } from './problems';

/**
 * A template's status, as the IT-ops design keeps it: a draft is being written, an active one is
 * offered for new tasks, an archived one is kept (tasks name it) but listed only when asked for.
 */
export const TEMPLATE_STATUSES = ['draft', 'active', 'archived'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const TEMPLATE_TAG_MAX_LENGTH = 100;
export const templateNameSchema = z.string().min(1).max(500);
export const templateTagsSchema = z.array(z.string().trim().min(1).max(TEMPLATE_TAG_MAX_LENGTH)).max(50);

/** The default list leaves archived templates out; `status` lists exactly the statuses given. */
export const templateListQuerySchema = z.object({
  /** Part of the name, any case. */
  search: z.string().max(500).optional(),
  /** Templates carrying this tag (any case). */
  tag: z.string().max(TEMPLATE_TAG_MAX_LENGTH).optional(),
  status: z.array(z.enum(TEMPLATE_STATUSES)).min(1).optional(),
});
export type TemplateListQuery = z.input<typeof templateListQuerySchema>;

/** One saved version of a named workflow template. */
export interface TemplateSummary {
  id: Id;
  name: string;
  version: number;
  description: string | null;
  createdBy: string | null;
  createdAt: number;
  status: TemplateStatus;
  tags: string[];
}

export interface Template extends TemplateSummary {
  definition: NormalizedWorkflowDefinition;
}

export type SaveTemplateResult =
  | { ok: true; template: TemplateSummary; /** Warnings only. */ problems: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * What deleting a template did: every version went, or, tasks naming one of its versions, it was
 * archived instead (`tasks` of them) so those tasks keep their template.
 */
export type DeleteTemplateResult = { outcome: 'deleted'; versions: number } | { outcome: 'archived'; tasks: number; reason: ApiErrorReason; message: string };
