import { io, type Socket } from 'socket.io-client';
import type { ConsoleTransport } from '../../../shared/api/client';
import type { ConsoleMethodName } from '../../../shared/api/contract';
import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError, type CallResult } from '../../../shared/api/errors';
import { HOST_SOCKET } from '../../../shared/api/host-protocol';

export interface SocketTransport extends ConsoleTransport {
  readonly socket: Socket;
  close(): void;
}

/**
 * The ConsoleApi over the headless host's socket.io, for a browser. Subscriptions are
 * re-sent after every reconnect, since the host forgets them with the old connection, and
 * their gap listeners hear that events sent meanwhile were lost.
 */
const CALL_TIMEOUT_MS = 30_000;

export function createSocketTransport(url: string, token: string, operator?: string): SocketTransport {
  const socket = io(url, { auth: operator ? { token, operator } : { token }, transports: ['websocket'] });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const gapListeners = new Set<() => void>();
  const pending = new Set<(outcome: CallResult) => void>();
  // The host refuses a bad token in its handshake; socket.io then stops retrying, and every
  // call, waiting or future, must fail with that reason rather than wait forever.
  let refusal: CallResult | undefined;
  socket.on('connect_error', (error: Error) => {
    if (socket.active) return;
    const refused = new ApiError('UNAUTHENTICATED', `the console host refused this session: ${error.message}`, { reason: errorReason('session.refused', { detail: error.message }) });
    refusal = { ok: false, error: refused.toBody() };
    for (const settle of pending) settle(refusal);
    pending.clear();
  });
  let connectedBefore = false;
  socket.on('connect', () => {
    for (const event of listeners.keys()) socket.emit(HOST_SOCKET.subscribe, event);
    if (connectedBefore) for (const onGap of [...gapListeners]) onGap();
    connectedBefore = true;
  });
  socket.on(HOST_SOCKET.event, (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  return {
    socket,
    call(method: ConsoleMethodName, args: unknown[]): Promise<CallResult> {
      if (refusal) return Promise.resolve(refusal);
      return new Promise((resolve) => {
        const settle = (outcome: CallResult) => {
          pending.delete(settle);
          resolve(outcome);
        };
        pending.add(settle);
        socket.timeout(CALL_TIMEOUT_MS).emit(HOST_SOCKET.call, method, args, (error: Error | null, outcome: CallResult) => {
          if (!error) return settle(outcome);
          const unanswered = new ApiError('UNAVAILABLE', `${method}: the console host did not answer in time`, { reason: errorReason('host.noAnswer', { method }) });
          settle({ ok: false, error: unanswered.toBody() });
        });
      });
    },
    subscribe(event, listener, onGap) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        socket.emit(HOST_SOCKET.subscribe, event);
      }
      set.add(listener);
      // A wrapper of its own, so that one function given to two subscriptions is called for each.
      const gap = onGap && (() => onGap());
      if (gap) gapListeners.add(gap);
      return () => {
        set.delete(listener);
        if (gap) gapListeners.delete(gap);
        if (set.size === 0) {
          listeners.delete(event);
          socket.emit(HOST_SOCKET.unsubscribe, event);
        }
      };
    },
    close: () => socket.close(),
  };
}
