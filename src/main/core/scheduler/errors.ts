import type { ApiErrorReason } from '../../../shared/api/error-reasons';

/** Refusals of the live runtime; task storage (tasks/) refuses with an ApiError. */
export const SCHEDULER_ERRORS = [
  'INVALID_ARGUMENT',
  'ILLEGAL_TRANSITION',
  'NOT_ALLOWED',
  'ENGINE_REFUSED',
  'CLOSED',
] as const;
export type SchedulerErrorCode = (typeof SCHEDULER_ERRORS)[number];

/** Why the scheduler refused a request, in words an operator can act on. */
export class SchedulerError extends Error {
  /** What the window words in its language; absent where only the message tells it. */
  readonly reason?: ApiErrorReason;

  constructor(
    readonly code: SchedulerErrorCode,
    message: string,
    options: { reason?: ApiErrorReason } = {},
  ) {
    super(message);
    this.name = 'SchedulerError';
    if (options.reason !== undefined) this.reason = options.reason;
  }
}
