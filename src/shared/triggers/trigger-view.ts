import { z } from 'zod';
import type { Id } from '../ids';
import { triggerSpecSchema, type TriggerKind, type TriggerSpec } from './trigger-spec';

/** Where a trigger comes from: its template's definition (replaced by a newer version's), or added by hand. */
export const TRIGGER_SOURCES = ['declared', 'manual'] as const;
export type TriggerSource = (typeof TRIGGER_SOURCES)[number];

/** A trigger as every face shows it. */
export interface TriggerView {
  id: Id;
  /** The template it starts a task of, by name: always its latest version. */
  templateName: string;
  kind: TriggerKind;
  spec: TriggerSpec;
  source: TriggerSource;
  /** Who created it; a template's declared triggers belong to the template's author. */
  owner: string | null;
  paused: boolean;
  /** A schedule's next firing (epoch ms); null for other kinds, a paused trigger, or a schedule that never fires again. */
  nextFireAt: number | null;
  lastFiredAt: number | null;
  /** The task its last firing started. */
  lastTaskId: Id | null;
  /** Why its last firing, or its folder, failed; null once it works. */
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export const triggerInputSchema = z.object({
  templateName: z.string().trim().min(1).max(500),
  spec: triggerSpecSchema,
});
export type TriggerInput = z.input<typeof triggerInputSchema>;

export const triggerListQuerySchema = z.object({ templateName: z.string().min(1).max(500).optional() });
export type TriggerListQuery = z.infer<typeof triggerListQuerySchema>;

/** The variables an HTTP or hand firing adds over the trigger's own. */
export const fireVariablesSchema = z.record(z.string(), z.json());

export interface TriggerFireResult {
  triggerId: Id;
  taskId: Id;
}
