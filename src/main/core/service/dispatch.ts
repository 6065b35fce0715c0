import { CONSOLE_METHODS, isConsoleMethod, type ConsoleApi } from '../../../shared/api/contract';
import { errorReason, reasonText } from '../../../shared/api/error-reasons';
import { ApiError, type CallResult } from '../../../shared/api/errors';
import type { SessionRole } from '../../../shared/api/app-status';
import { toApiError } from './api-errors';

export type Role = SessionRole;

/**
 * The one path from any transport into the ConsoleApi implementation: the method must exist,
 * the caller's role must allow it, and the arguments must match the contract's schema before
 * the implementation sees them. Every outcome, failures included, comes back as a CallResult.
 */
export async function dispatch(api: ConsoleApi, method: unknown, args: unknown, role: Role): Promise<CallResult> {
  try {
    if (!isConsoleMethod(method)) {
      throw new ApiError('UNKNOWN_METHOD', errorReason('method.unknown', { method: String(method) }));
    }
    const spec = CONSOLE_METHODS[method];
    if (spec.kind === 'control' && role !== 'operator') {
      throw new ApiError('FORBIDDEN', errorReason('method.forbiddenForViewer', { method }));
    }
    // With the offending value in each issue, the window can say what was sent instead of what was expected.
    const parsed = spec.args.safeParse(Array.isArray(args) ? args : [], { reportInput: true });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.join('.') || '(list)';
      const reason = errorReason('argument.invalid', { path, detail: issue.message });
      throw new ApiError('INVALID_ARGUMENT', `${method}: ${reasonText(reason)}`, { details: parsed.error.issues, reason });
    }
    const call = api[method] as (...callArgs: unknown[]) => Promise<unknown>;
    return { ok: true, result: await call(...(parsed.data as unknown[])) };
  } catch (error) {
    return { ok: false, error: toApiError(error).toBody() };
  }
}
