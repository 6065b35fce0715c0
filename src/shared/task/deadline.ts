import { z } from 'zod';

/**
 * A task's deadline as callers give it: an ISO 8601 time with its offset (so that a deadline
 * typed in one zone means the same moment in every other) or epoch milliseconds.
 */
export const taskDeadlineSchema = z.union([z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with its offset, e.g. 2026-12-08T09:30:00+08:00' }), z.int().min(0)]);
export type TaskDeadlineInput = z.infer<typeof taskDeadlineSchema>;

/** The deadline as epoch ms, as it is stored and compared with forecasts. */
export function deadlineMs(deadline: TaskDeadlineInput): number {
  return typeof deadline === 'number' ? deadline : Date.parse(deadline);
}
