import { errorReason, reasonText } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import { isId, type Id } from '../../../shared/ids';
import type { Problem } from '../../../shared/workflow/problems';

/**
 * The refusals of task storage, as the ApiError every transport carries: reading a task and
 * controlling a live one say "not found" and "not an id" the same way.
 */
export function requireTaskId(value: unknown): Id {
  if (!isId(value)) throw new ApiError('INVALID_ARGUMENT', errorReason('argument.notAnId', { value: JSON.stringify(value) ?? String(value) }));
  return value;
}

export function taskNotFound(taskId: Id): ApiError {
  return new ApiError('NOT_FOUND', errorReason('task.notFound', { taskId }));
}

export function nodeNotFound(taskId: Id, nodeId: string): ApiError {
  return new ApiError('NOT_FOUND', errorReason('node.notFound', { taskId, nodeId }));
}

/** A zod issue of an argument, named by its path (or `fallback` when it has none). */
export function invalidArgument(where: string, issue: { path: PropertyKey[]; message: string }, fallback: string): ApiError {
  const path = issue.path.map(String).join('.') || fallback;
  const reason = errorReason('argument.invalid', { path, detail: issue.message });
  return new ApiError('INVALID_ARGUMENT', `${where}: ${reasonText(reason)}`, { reason });
}

export function invalidWorkflow(problems: Problem[], summary: string, count: number): ApiError {
  const reason = errorReason('workflow.invalid', { count });
  return new ApiError('INVALID_ARGUMENT', `${reasonText(reason)}${summary}`, { reason, details: { problems } });
}
