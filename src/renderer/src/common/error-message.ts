import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api/errors';

/**
 * What a failure says, in the window's language: an API error's reason worded by the locales
 * (`apiErrors.<key>`), else the core's English message behind a translated label for its code;
 * any other Error's own message, or the value thrown.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.reason) return t(`apiErrors.${error.reason.key}`, { ...error.reason.params, defaultValue: error.message });
    return t(`apiErrors.byCode.${error.code}`, { message: error.message, defaultValue: error.message });
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failure kept in state until it is shown, so that its words follow the window's language
 * when that changes meanwhile; boxed, since anything, null included, can be thrown.
 */
export interface Failure {
  error: unknown;
}
