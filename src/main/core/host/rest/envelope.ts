import type { ServerResponse } from 'node:http';
import type { ApiErrorBody, ApiErrorCode } from '../../../../shared/api/errors';

/**
 * Every REST answer, success or not, is this envelope (the Deduction design's `{code, message,
 * data}`): `code` repeats the HTTP status, `message` is "success" or says what is wrong and
 * where, and a failure adds `error` with the ConsoleApi's code (and its reason and details,
 * e.g. the problems of a refused workflow) so that a client need not parse the message.
 */
export interface RestEnvelope {
  code: number;
  message: string;
  data: unknown;
  error?: RestErrorBody;
}

/** Failures only the HTTP layer knows, beside the ConsoleApi's codes. */
export type HttpErrorCode = 'METHOD_NOT_ALLOWED' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'TOO_MANY_REQUESTS';

export interface RestErrorBody extends Omit<ApiErrorBody, 'code'> {
  code: ApiErrorCode | HttpErrorCode;
}

const STATUS_OF: Record<ApiErrorCode | HttpErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  // A route names a ConsoleApi method that does not exist: a fault of this build, not of the caller.
  UNKNOWN_METHOD: 500,
  UNAVAILABLE: 503,
};

/** A refusal on its way to the client: its status follows from its code. */
export class RestError extends Error {
  readonly status: number;

  constructor(
    readonly body: RestErrorBody,
    /** What the client may still use, e.g. the id of a task that was created but could not be started. */
    readonly data: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'RestError';
    this.status = STATUS_OF[body.code];
  }
}

export function restError(code: RestErrorBody['code'], message: string, headers: Record<string, string> = {}): RestError {
  return new RestError({ code, message }, null, headers);
}

const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function sendSuccess(response: ServerResponse, data: unknown): void {
  send(response, 200, { code: 200, message: 'success', data: data ?? null });
}

export function sendError(response: ServerResponse, error: RestError): void {
  send(response, error.status, { code: error.status, message: error.body.message, data: error.data, error: error.body }, error.headers);
}

function send(response: ServerResponse, status: number, envelope: RestEnvelope, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  response.writeHead(status, { ...HEADERS, ...headers }).end(JSON.stringify(envelope));
}
