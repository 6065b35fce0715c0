import { reasonText, type ApiErrorReason } from '../../../shared/api/error-reasons';

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

  /** With a reason, the message is its English wording (see error-reasons.ts). */
  constructor(
    readonly code: SchedulerErrorCode,
    what: string | ApiErrorReason,
  ) {
    super(typeof what === 'string' ? what : reasonText(what));
    this.name = 'SchedulerError';
    if (typeof what !== 'string') this.reason = what;
  }
}
