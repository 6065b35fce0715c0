import type { EngineState } from '../../../shared/engine/engine-state';

/** What `startConsoleRuntime` waits for before it runs anything on remote Engines. */
export interface EngineWaitOptions {
  /** How long to wait for the Engines to connect. */
  timeoutMs: number;
  /** Progress lines for the operator (a terminal's stderr), while the wait goes on. */
  onProgress?: (line: string) => void;
  /** Quiet this long (Engines that connect at once draw no line), then a line on every change and every 3 s. */
  quietMs?: number;
  /**
   * With none up when the wait ends: fail the start (the CLI, which has nothing to show), or go
   * on with the Engines still trying (the desktop app, whose window shows each Engine's state).
   */
  whenNoneUp?: 'fail' | 'continue';
}

export interface EngineWaitSubject {
  states(): EngineState[];
  onState(listener: (states: EngineState[]) => void): () => void;
}

/** Not one configured Engine came up: the message names each one and why. */
export class NoEngineError extends Error {
  readonly code = 'NO_ENGINE';

  constructor(readonly states: EngineState[], waitedMs: number) {
    super(`no Engine came up within ${Math.round(waitedMs / 100) / 10} s:\n${states.map((state) => `  ${state.endpoint}: ${unavailableReason(state)}`).join('\n')}`);
    this.name = 'NoEngineError';
  }
}

/** Why an Engine is not connected, in the operator's terms: refused token, protocol mismatch, unreachable. */
export function unavailableReason(state: EngineState): string {
  const detail = state.lastError ?? '';
  if (state.refused) {
    if (/unauthori[sz]ed|token/i.test(detail)) return `refused the token (${detail})`;
    if (/protocol/i.test(detail)) return `protocol mismatch (${detail})`;
    return `refused the connection (${detail})`;
  }
  if (state.status === 'connected') return 'connected';
  return `unreachable at ${state.url}${detail ? ` (${detail})` : ' (no answer yet)'}`;
}

const settled = (state: EngineState): boolean => state.status === 'connected' || state.refused;

/**
 * Waits until every Engine is connected or has refused the console, or the time is up, and
 * resolves with the states then; rejects with NoEngineError when none is connected. Engines
 * still away when others are up only draw a progress line: they join when they come up.
 */
export function waitForEngines(subject: EngineWaitSubject, options: EngineWaitOptions): Promise<EngineState[]> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  return new Promise((resolve, reject) => {
    let done = false;
    let lastLine = '';
    const line = (states: EngineState[]): string =>
      states.map((state) => `${state.endpoint} ${state.status === 'connected' ? 'connected' : state.refused ? 'refused' : state.status}`).join(', ');
    const quietMs = options.quietMs ?? 1000;
    let lastAt = 0;
    const report = (states: EngineState[], force: boolean): void => {
      const now = Date.now();
      if (now - started < quietMs) return;
      const text = line(states);
      if (text === lastLine && !(force && now - lastAt >= 3000)) return;
      lastAt = now;
      lastLine = text;
      progress(`waiting for Engines (${Math.round((Date.now() - started) / 1000)} s of ${Math.round(options.timeoutMs / 1000)} s): ${text}`);
    };
    const finish = (): void => {
      if (done) return;
      done = true;
      off();
      clearTimeout(deadline);
      clearInterval(ticker);
      const states = subject.states();
      if (!states.some((state) => state.status === 'connected')) {
        reject(new NoEngineError(states, Date.now() - started));
        return;
      }
      const away = states.filter((state) => state.status !== 'connected');
      for (const state of away) progress(`Engine ${state.endpoint} is not connected: ${unavailableReason(state)}; running on the others (it joins when it comes up)`);
      resolve(states);
    };
    const check = (states: EngineState[]): void => {
      if (states.every(settled)) finish();
      else report(states, false);
    };
    const off = subject.onState(check);
    const deadline = setTimeout(finish, Math.max(0, options.timeoutMs));
    const ticker = setInterval(() => report(subject.states(), true), 250);
    const initial = subject.states();
    if (initial.every(settled)) finish();
  });
}
