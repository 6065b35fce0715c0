import type { ApiErrorReason } from './error-reasons';

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

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
    if (options.details !== undefined) this.details = options.details;
    if (options.reason !== undefined) this.reason = options.reason;
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
