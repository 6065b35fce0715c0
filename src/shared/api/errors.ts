import { reasonText, type ApiErrorReason } from './error-reasons';

/**
 * Errors every transport carries the same way: a code the UI can act on, a plain English
 * message, and, where the core knows it, the reason the window words in its own language.
 */
export const API_ERROR_CODES = [
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Structured detail, e.g. the validation problems of a refused workflow. */
  details?: unknown;
  reason?: ApiErrorReason;
}

export interface ApiErrorOptions {
  details?: unknown;
  reason?: ApiErrorReason;
}

export class ApiError extends Error {
  readonly details?: unknown;
  readonly reason?: ApiErrorReason;

  /** With a reason, the message is its English wording; a message alone is for what no reason covers. */
  constructor(
    readonly code: ApiErrorCode,
    what: string | ApiErrorReason,
    options: ApiErrorOptions = {},
  ) {
    super(typeof what === 'string' ? what : reasonText(what));
    this.name = 'ApiError';
    if (options.details !== undefined) this.details = options.details;
    const reason = typeof what === 'string' ? options.reason : what;
    if (reason !== undefined) this.reason = reason;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    if (this.reason !== undefined) body.reason = this.reason;
    return body;
  }
}

/** A call's outcome as it crosses a transport (errors do not survive IPC or JSON as classes). */
export type CallResult<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
