import type { ApiErrorReason } from '../../../shared/api/error-reasons';
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
  /** INVALID_WORKFLOW: every problem the validator found. */
  readonly problems: Problem[];
  /** What the window words in its language; absent where only the message tells it. */
  readonly reason?: ApiErrorReason;

  constructor(
    readonly code: SchedulerErrorCode,
    message: string,
    options: { reason?: ApiErrorReason; problems?: Problem[] } = {},
  ) {
    super(message);
    this.name = 'SchedulerError';
    this.problems = options.problems ?? [];
    if (options.reason !== undefined) this.reason = options.reason;
  }
}
