import type { Problem } from '../../../shared/workflow/problems';

export const SCHEDULER_ERRORS = [
  'INVALID_WORKFLOW',
  'INVALID_ARGUMENT',
  'TASK_NOT_FOUND',
  'NODE_NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'NOT_ALLOWED',
  'ENGINE_REFUSED',
  'CLOSED',
] as const;
export type SchedulerErrorCode = (typeof SCHEDULER_ERRORS)[number];

/** Why the scheduler refused a request, in words an operator can act on. */
export class SchedulerError extends Error {
  constructor(
    readonly code: SchedulerErrorCode,
    message: string,
    /** INVALID_WORKFLOW: every problem the validator found. */
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'SchedulerError';
  }
}
