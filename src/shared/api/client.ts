import {
  CONSOLE_METHOD_NAMES,
  type ConsoleApi,
  type ConsoleClient,
  type ConsoleEventName,
  type ConsoleEventPayload,
  type ConsoleMethodName,
} from './contract';
import { isApiErrorReason } from './error-reasons';
import { ApiError, type ApiErrorBody, type CallResult } from './errors';

/**
 * What a transport provides: one generic call and one generic subscription. Electron's
 * preload and the headless host's socket both offer exactly this, so the typed client below
 * is built once, from the contract's method list.
 */
export interface ConsoleTransport {
  call(method: ConsoleMethodName, args: unknown[]): Promise<CallResult>;
  /** `onGap`: see ConsoleEvents; a transport that cannot lose events never calls it. */
  subscribe(event: ConsoleEventName, listener: (payload: unknown) => void, onGap?: () => void): () => void;
}

export function createConsoleClient(transport: ConsoleTransport): ConsoleClient {
  const methods = Object.fromEntries(
    CONSOLE_METHOD_NAMES.map((method) => [
      method,
      async (...args: unknown[]) => {
        const outcome = await transport.call(method, args);
        if (!outcome.ok) throw fromBody(outcome.error);
        return outcome.result;
      },
    ]),
  ) as ConsoleApi;
  return {
    ...methods,
    subscribe<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEventPayload<E>) => void, onGap?: () => void) {
      return transport.subscribe(event, (payload) => listener(payload as ConsoleEventPayload<E>), onGap);
    },
  };
}

/** A reason this build cannot word is dropped: the window then falls back to the error's code. */
function fromBody(body: ApiErrorBody): ApiError {
  return new ApiError(body.code, body.message, { details: body.details, reason: isApiErrorReason(body.reason) ? body.reason : undefined });
}
