import { z } from 'zod';
import { idSchema, type Id } from '../ids';
import { TASK_STATUSES, TERMINAL_TASK_STATUSES, type TaskStatus } from '../status';

/**
 * Statuses of a task the scheduler drives or holds half-run (initializing, running, paused):
 * such a task is never archived or deleted. Every status but pending and the ended ones.
 */
export const LIVE_TASK_STATUSES: readonly TaskStatus[] = TASK_STATUSES.filter((status) => status !== 'pending' && !TERMINAL_TASK_STATUSES.includes(status));

/** At most this many ids in one call; a filter selects any number. */
export const TASK_SELECTION_MAX_IDS = 10_000;

const DAY_MS = 86_400_000;

/**
 * Which tasks to archive or delete: the ones named, or every ended task that ended more than
 * `olderThanDays` days ago, optionally of the given ended statuses only.
 */
export const taskSelectionSchema = z.union([
  z.object({ taskIds: z.array(idSchema).min(1).max(TASK_SELECTION_MAX_IDS) }).strict(),
  z
    .object({
      olderThanDays: z.number().min(0).max(100_000),
      status: z
        .array(z.enum(TASK_STATUSES))
        .min(1)
        .refine((statuses) => statuses.every((status) => TERMINAL_TASK_STATUSES.includes(status)), {
          message: `only ended statuses can be pruned (${TERMINAL_TASK_STATUSES.join(', ')})`,
        })
        .optional(),
    })
    .strict(),
]);
export type TaskSelection = z.input<typeof taskSelectionSchema>;

export function olderThanCutoff(days: number, now: number): number {
  return now - days * DAY_MS;
}

export interface RemovableTask {
  taskId: Id;
  name: string;
  status: TaskStatus;
  endTime: number | null;
  logLines: number;
}

/** What a deletion would remove, for the confirmation: the tasks and how many log lines go with them. */
export interface TaskDeletionPreview {
  tasks: RemovableTask[];
  logLines: number;
}

export interface DeleteTasksResult {
  deleted: Id[];
  logLines: number;
  /** Tasks that became active (or went away) between the check and their batch: left as they were. */
  skipped: Id[];
}
