/**
 * The browser's link to the console host, as the window shows it:
 * - connecting: not reached yet since the page loaded;
 * - connected: the host answers its heartbeat;
 * - lost: the link dropped or the host stopped answering; the transport reconnects by itself,
 *   calls fail at once, and what the window shows is frozen at `lastContact`;
 * - refused: the host turned this session away (bad token); nothing is retried.
 */
export type ConnectionPhase = 'connecting' | 'connected' | 'lost' | 'refused';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** When the phase began (ms since the epoch). */
  since: number;
  /** Round trip of the last answered heartbeat, in milliseconds. */
  latencyMs: number | null;
  /** When the host last answered anything; what the window shows is as of then. */
  lastContact: number | null;
  /** Reconnection attempts since the link was lost. */
  attempts: number;
  /** Why the link is lost or refused, as the transport words it (English, for the tooltip). */
  detail: string | null;
}

export type ConnectionInput =
  | { type: 'connected'; at: number }
  | { type: 'heartbeat'; at: number; latencyMs: number }
  | { type: 'heartbeatMissed'; at: number; timeoutMs: number }
  | { type: 'disconnected'; at: number; detail: string }
  | { type: 'reconnecting'; at: number; attempt: number }
  | { type: 'refused'; at: number; detail: string };

export function initialConnection(at: number): ConnectionState {
  return { phase: 'connecting', since: at, latencyMs: null, lastContact: null, attempts: 0, detail: null };
}

/** The next state; an input that changes nothing returns the same object, so no one re-renders. */
export function nextConnection(state: ConnectionState, input: ConnectionInput): ConnectionState {
  // A refusal is final: the host will not take this token back without a new page.
  if (state.phase === 'refused') return state;
  switch (input.type) {
    case 'connected':
      return { phase: 'connected', since: input.at, latencyMs: state.latencyMs, lastContact: input.at, attempts: 0, detail: null };
    case 'heartbeat':
      // A late answer from before the loss does not bring the link back; only a reconnect does.
      if (state.phase !== 'connected') return state;
      return { ...state, latencyMs: input.latencyMs, lastContact: input.at };
    case 'heartbeatMissed':
      if (state.phase !== 'connected') return state;
      return lost(state, input.at, `no answer to the heartbeat within ${input.timeoutMs} ms`);
    case 'disconnected':
      // The first reason stays: the retries that follow fail for it.
      if (state.phase === 'lost') return state;
      return lost(state, input.at, input.detail);
    case 'reconnecting':
      if (state.phase === 'connected') return state;
      return { ...state, attempts: input.attempt };
    case 'refused':
      return { ...state, phase: 'refused', since: input.at, latencyMs: null, detail: input.detail };
  }
}

function lost(state: ConnectionState, at: number, detail: string): ConnectionState {
  return { ...state, phase: 'lost', since: at, latencyMs: null, detail, attempts: 0 };
}

/** The state plus who listens to it: what the window subscribes to (useSyncExternalStore). */
export interface ConnectionWatch {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

export interface ConnectionStore extends ConnectionWatch {
  apply(input: ConnectionInput): ConnectionState;
}

export function createConnectionStore(at: number, start: ConnectionState = initialConnection(at)): ConnectionStore {
  let state = start;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply(input) {
      const next = nextConnection(state, input);
      if (next !== state) {
        state = next;
        for (const listener of [...listeners]) listener();
      }
      return state;
    },
  };
}

/** Electron's window and its core live and die together: the link is always there. */
export const ALWAYS_CONNECTED: ConnectionWatch = createConnectionStore(0, { phase: 'connected', since: 0, latencyMs: null, lastContact: null, attempts: 0, detail: null });
