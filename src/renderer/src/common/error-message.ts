import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { zodIssueToProblem } from '../../../shared/workflow/zod-problems';
import { problemMessage } from './problem-text';
import { errorText } from '../../../shared/error-text';

/**
 * What a failure says, in the window's language: an API error's reason worded by the locales
 * (`apiErrors.<key>`), else the core's English message behind a translated label for its code;
 * any other Error's own message, or the value thrown.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.reason?.key === 'argument.invalid') {
      // What is wrong with the argument: the core's schema issue, worded like a workflow's.
      const issue = firstIssue(error.details);
      const detail = issue ? problemMessage(t, zodIssueToProblem(issue, [])) : error.reason.params.detail;
      return t('apiErrors.argument.invalid', { ...error.reason.params, detail, defaultValue: error.message });
    }
    if (error.reason) return t(`apiErrors.${error.reason.key}`, { ...error.reason.params, defaultValue: error.message });
    return t(`apiErrors.byCode.${error.code}`, { message: error.message, defaultValue: error.message });
  }
  return errorText(error);
}

/**
 * The first zod issue of a refused argument's details, as they came over the transport. The
 * dispatcher has zod report the value sent in each issue; JSON drops only an undefined one.
 */
function firstIssue(details: unknown): z.core.$ZodIssue | undefined {
  const issue: unknown = Array.isArray(details) ? details[0] : undefined;
  if (typeof issue !== 'object' || issue === null) return undefined;
  const { code, path, message } = issue as Record<string, unknown>;
  return typeof code === 'string' && Array.isArray(path) && typeof message === 'string' ? (issue as z.core.$ZodIssue) : undefined;
}

/**
 * A failure kept in state until it is shown, so that its words follow the window's language
 * when that changes meanwhile; boxed, since anything, null included, can be thrown.
 */
export interface Failure {
  error: unknown;
}
