import { idSchema } from '../ids';
import { z } from 'zod';
import type { Id } from '../ids';
import type { TaskStatus } from '../status';
import { TIME_BASES } from '../clock/clock-model';
import { taskDeadlineSchema } from './deadline';


/** What a caller may add to a workflow definition when making a task of it. */
export const createTaskOptionsSchema = z.object({
  /**
   * The task's name, unique among tasks: a name another task has is refused. When absent, the
   * workflow's name, or "name (2)", "name (3)"… when tasks already have it.
   */
  name: z.string().min(1).max(500).optional(),
  /** What the task is for, in the operator's words. */
  description: z.string().max(10_000).optional(),
  /** Merged over the workflow's variables: a key given here replaces the workflow's value. */
  variables: z.record(z.string(), z.json()).optional(),
  /** Who made the task (an operator name). */
  createdBy: z.string().max(200).optional(),
  schemeId: idSchema.optional(),
  envInstanceId: idSchema.optional(),
  templateId: idSchema.optional(),
  /**
   * Whether the task's timers, pins and timeouts count wall time or its exercise clock's
   * simulation time. The scheduler's timers run on wall time only so far, so asking for
   * simulation time is refused rather than stored and ignored.
   */
  timeBase: z
    .enum(TIME_BASES)
    .refine((base): boolean => base === 'wall', 'simulation time for timers, pins and timeouts is not supported yet: they run on wall time (sim agents still follow the exercise clock)')
    .optional(),
  /** When the task should have ended by: an ISO 8601 time with its offset, or epoch ms. */
  deadline: taskDeadlineSchema.optional(),
});
export type CreateTaskOptions = z.infer<typeof createTaskOptionsSchema>;

/** The Deduction design's createTask answer (its field names as the design spells them). */
export interface CreateTaskResult {
  task_id: Id;
  status: TaskStatus;
  total_nodes: number;
  total_containers: number;
  total_agents: number;
}
