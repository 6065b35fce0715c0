import { z } from 'zod';
import type { Id } from '../ids';

/** A scheme (推演方案) groups deductions; archived ones stay for the tasks that name them but take no new task. */
export const SCHEME_STATUSES = ['active', 'archived'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

const name = z.string().trim().min(1).max(200);
const description = z.string().max(10_000);
/** The design's free-form scheme settings. */
const config = z.record(z.string(), z.json());

export const schemeInputSchema = z.object({
  name,
  description: description.optional(),
  config: config.optional(),
});
export type SchemeInput = z.input<typeof schemeInputSchema>;

/** Only the fields given change; `status: 'active'` restores an archived scheme. */
export const schemePatchSchema = z.object({
  name: name.optional(),
  description: description.nullable().optional(),
  config: config.optional(),
  status: z.enum(SCHEME_STATUSES).optional(),
});
export type SchemePatch = z.input<typeof schemePatchSchema>;

export const catalogQuerySchema = z.object({ includeArchived: z.boolean().optional() });
export type CatalogQuery = z.input<typeof catalogQuerySchema>;

export interface SchemeView {
  id: Id;
  name: string;
  description: string | null;
  config: Record<string, unknown>;
  status: SchemeStatus;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
  /** Tasks made in this scheme. */
  taskCount: number;
}
