import { ZodError } from 'zod';
import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError, type ApiErrorCode } from '../../../shared/api/errors';
import { EngineCommandError } from '../engine/engine-errors';
import { SchedulerError, type SchedulerErrorCode } from '../scheduler/errors';
import { TemplateNotFoundError } from '../workflow/templates';
import { errorText } from '../../../shared/error-text';

const FROM_SCHEDULER: Record<SchedulerErrorCode, ApiErrorCode> = {
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  ILLEGAL_TRANSITION: 'CONFLICT',
  NOT_ALLOWED: 'CONFLICT',
  ENGINE_REFUSED: 'UNAVAILABLE',
  CLOSED: 'UNAVAILABLE',
};

/**
 * The core's own errors, as codes every transport carries: the UI can tell "not found" from
 * "not now" from "the Engine said no" without parsing messages.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof SchedulerError) {
    return new ApiError(FROM_SCHEDULER[error.code], error.reason ?? error.message);
  }
  if (error instanceof TemplateNotFoundError) return new ApiError('NOT_FOUND', error.reason);
  if (error instanceof EngineCommandError) {
    return new ApiError('UNAVAILABLE', errorReason('engine.refused', { code: error.code, detail: error.message }));
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const path = issue?.path.join('.') || 'argument';
    const detail = issue?.message ?? 'invalid';
    return new ApiError('INVALID_ARGUMENT', errorReason('argument.invalid', { path, detail }), { details: error.issues });
  }
  return new ApiError('INTERNAL', errorText(error));
}
