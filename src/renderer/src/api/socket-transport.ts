import { io, type Socket } from 'socket.io-client';
import type { ConsoleTransport } from '../../../shared/api/client';
import type { ConsoleMethodName } from '../../../shared/api/contract';
import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError, type CallResult } from '../../../shared/api/errors';
import { HOST_SOCKET } from '../../../shared/api/host-protocol';
import { createConnectionStore, type ConnectionWatch } from './connection-state';

export interface SocketTransport extends ConsoleTransport {
  readonly socket: Socket;
  readonly connection: ConnectionWatch;
  close(): void;
}

export interface SocketTransportTiming {
  /** How long a call may wait for its answer while the link looks alive. */
  callTimeoutMs: number;
  /** How often the host is asked whether it is still there. */
  heartbeatMs: number;
  /** How long it has to answer; interval plus timeout bound how late a silent host is noticed. */
  heartbeatTimeoutMs: number;
  /** Longest wait between two reconnection attempts. */
  reconnectMaxMs: number;
}

/** A dead host is noticed within heartbeatMs + heartbeatTimeoutMs (4 s), a closed socket at once. */
/** How late a heartbeat's timer may fire before the page, not the host, is taken to have stalled. */
const STALL_MS = 500;

export const DEFAULT_TIMING: SocketTransportTiming = { callTimeoutMs: 30_000, heartbeatMs: 2000, heartbeatTimeoutMs: 2000, reconnectMaxMs: 2000 };

/**
 * The ConsoleApi over the headless host's socket.io, for a browser. A heartbeat tells a live
 * host from a silent one; while the link is lost, calls fail at once (never queued to run
 * later, when the operator has moved on) and the transport reconnects by itself.
 * Subscriptions are re-sent after every reconnect, since the host forgets them with the old
 * connection, and their gap listeners hear that events sent meanwhile were lost.
 */
export function createSocketTransport(url: string, token: string, operator?: string, timing: SocketTransportTiming = DEFAULT_TIMING): SocketTransport {
  const socket = io(url, { auth: operator ? { token, operator } : { token }, transports: ['websocket'], reconnectionDelayMax: timing.reconnectMaxMs });
  const connection = createConnectionStore(Date.now());
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const gapListeners = new Set<() => void>();
  const pending = new Map<(outcome: CallResult) => void, ConsoleMethodName>();
  // The host refuses a bad token in its handshake; socket.io then stops retrying, and every
  // call, waiting or future, must fail with that reason rather than wait forever.
  let refusal: CallResult | undefined;

  const failPending = (outcome: (method: ConsoleMethodName) => CallResult) => {
    for (const [settle, method] of [...pending]) settle(outcome(method));
  };
  const lostWhileWaiting = (method: ConsoleMethodName): CallResult => ({
    ok: false,
    error: new ApiError('UNAVAILABLE', errorReason('host.lost', { method })).toBody(),
  });
  const markLost = (detail: string) => {
    connection.apply({ type: 'disconnected', at: Date.now(), detail });
    failPending(lostWhileWaiting);
    // Calls emitted before the link came up would otherwise be sent on reconnect, to change
    // things long after their caller was told they failed; subscriptions are re-sent anyway.
    socket.sendBuffer = [];
  };

  socket.on('connect_error', (error: Error) => {
    if (socket.active) {
      markLost(error.message);
      return;
    }
    const refused = new ApiError('UNAUTHENTICATED', errorReason('session.refused', { detail: error.message }));
    refusal = { ok: false, error: refused.toBody() };
    connection.apply({ type: 'refused', at: Date.now(), detail: error.message });
    failPending(() => refusal!);
  });
  let connectedBefore = false;
  socket.on('connect', () => {
    connection.apply({ type: 'connected', at: Date.now() });
    for (const event of listeners.keys()) socket.emit(HOST_SOCKET.subscribe, event);
    if (connectedBefore) for (const onGap of [...gapListeners]) onGap();
    connectedBefore = true;
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    markLost(reason);
    // A host shutting down says goodbye, after which socket.io would not retry by itself;
    // the same host started again should find this window coming back.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.io.on('reconnect_attempt', (attempt) => connection.apply({ type: 'reconnecting', at: Date.now(), attempt }));
  socket.on(HOST_SOCKET.event, (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });

  let beating = false;
  const heartbeat = setInterval(() => {
    if (!socket.connected || beating) return;
    beating = true;
    const sent = Date.now();
    socket.timeout(timing.heartbeatTimeoutMs).emit(HOST_SOCKET.ping, (error: Error | null) => {
      beating = false;
      if (!error) {
        connection.apply({ type: 'heartbeat', at: Date.now(), latencyMs: Date.now() - sent });
        return;
      }
      if (!socket.connected) return;
      // A timer far later than asked means this page was busy (a large redraw), not that the
      // host is gone: its answer may be waiting behind the timer, so it gets another ping.
      if (Date.now() - sent > timing.heartbeatTimeoutMs + STALL_MS) return;
      connection.apply({ type: 'heartbeatMissed', at: Date.now(), timeoutMs: timing.heartbeatTimeoutMs });
      failPending(lostWhileWaiting);
      // The socket still looks open but nothing answers: drop it, and socket.io reconnects.
      socket.io.engine.close();
    });
  }, timing.heartbeatMs);

  return {
    socket,
    connection,
    call(method: ConsoleMethodName, args: unknown[]): Promise<CallResult> {
      if (refusal) return Promise.resolve(refusal);
      if (connection.get().phase === 'lost') {
        const unreachable = new ApiError('UNAVAILABLE', errorReason('host.unreachable', { method }));
        return Promise.resolve({ ok: false, error: unreachable.toBody() });
      }
      return new Promise((resolve) => {
        const settle = (outcome: CallResult) => {
          if (!pending.delete(settle)) return;
          resolve(outcome);
        };
        pending.set(settle, method);
        socket.timeout(timing.callTimeoutMs).emit(HOST_SOCKET.call, method, args, (error: Error | null, outcome: CallResult) => {
          if (!error) return settle(outcome);
          const unanswered = new ApiError('UNAVAILABLE', errorReason('host.noAnswer', { method }));
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
    close: () => {
      clearInterval(heartbeat);
      socket.close();
    },
  };
}
