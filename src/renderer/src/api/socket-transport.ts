import { io, type Socket } from 'socket.io-client';
import type { ConsoleTransport } from '../../../shared/api/client';
import type { ConsoleMethodName } from '../../../shared/api/contract';
import type { CallResult } from '../../../shared/api/errors';
import { HOST_SOCKET } from '../../../shared/api/host-protocol';

export interface SocketTransport extends ConsoleTransport {
  readonly socket: Socket;
  close(): void;
}

/**
 * The ConsoleApi over the headless host's socket.io, for a browser. Subscriptions are
 * re-sent after every reconnect, since the host forgets them with the old connection.
 */
export function createSocketTransport(url: string, token: string): SocketTransport {
  const socket = io(url, { auth: { token }, transports: ['websocket'] });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  socket.on('connect', () => {
    for (const event of listeners.keys()) socket.emit(HOST_SOCKET.subscribe, event);
  });
  socket.on(HOST_SOCKET.event, (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  return {
    socket,
    call(method: ConsoleMethodName, args: unknown[]): Promise<CallResult> {
      return new Promise((resolve) => {
        socket.emit(HOST_SOCKET.call, method, args, (outcome: CallResult) => resolve(outcome));
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        socket.emit(HOST_SOCKET.subscribe, event);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(event);
          socket.emit(HOST_SOCKET.unsubscribe, event);
        }
      };
    },
    close: () => socket.close(),
  };
}
