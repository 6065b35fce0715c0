import { z } from 'zod';
import { idSchema, type Id } from '../ids';
import { LOG_CATEGORIES, LOG_LEVELS, LOG_TYPES, type LogCategory, type LogLevel, type LogType } from '../status';

export const LOG_PAGE_MAX = 5000;

/** A page of a task's log, filtered; `cursor` continues from where the last page ended. */
export const logQuerySchema = z.object({
  taskId: idSchema,
  nodeId: z.string().min(1).max(200).optional(),
  /** With nodeId: include every node nested under it. */
  subtree: z.boolean().optional(),
  levels: z.array(z.enum(LOG_LEVELS)).optional(),
  types: z.array(z.enum(LOG_TYPES)).optional(),
  categories: z.array(z.enum(LOG_CATEGORIES)).optional(),
  source: z.string().max(200).optional(),
  from: z.int().min(0).optional(),
  to: z.int().min(0).optional(),
  /** Words to find anywhere in the message (every word must occur), any script. */
  search: z.string().max(500).optional(),
  /** `forward`: oldest first from the cursor; `backward`: newest first (the tail). */
  direction: z.enum(['forward', 'backward']).default('forward'),
  cursor: idSchema.optional(),
  limit: z.int().min(1).max(LOG_PAGE_MAX).default(200),
});
export type LogQuery = z.input<typeof logQuerySchema>;

export interface LogLine {
  id: Id;
  taskId: Id;
  nodeId: string;
  batch: number | null;
  engineId: string | null;
  level: LogLevel;
  type: LogType;
  category: LogCategory;
  source: string | null;
  message: string;
  time: number;
  /** The JSON object the agent attached to the line, if any. */
  extra: Record<string, unknown> | null;
}

export interface LogPage {
  lines: LogLine[];
  /** Pass back as `cursor` for the next page; null when there is no more. */
  nextCursor: string | null;
}

/**
 * The words of a search, as the UI should highlight them: split on white space, quotes
 * removed, case folded.
 */
export function searchTerms(search: string | undefined): string[] {
  return (search ?? '')
    .split(/\s+/)
    .map((term) => term.replace(/"/g, '').trim())
    .filter((term) => term.length > 0);
}
