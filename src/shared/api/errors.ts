/** Errors every transport carries the same way: a code the UI can act on and a plain message. */
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
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

/** A call's outcome as it crosses a transport (errors do not survive IPC or JSON as classes). */
export type CallResult<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
