import { describe, expect, it } from 'vitest';
import { NoEngineError, unavailableReason, waitForEngines, type EngineWaitSubject } from '../../../../src/main/core/engine/engine-wait';
import type { EngineState } from '../../../../src/shared/engine/engine-state';

function state(endpoint: string, change: Partial<EngineState> = {}): EngineState {
  return { endpoint, url: endpoint, engineId: null, status: 'connecting', since: 0, latencyMs: null, capacity: 0, running: 0, load: 0, catalog: [], skills: [], lastError: null, refused: false, ...change };
}

/** Engines whose states the test moves by hand. */
function subject(initial: EngineState[]): EngineWaitSubject & { set(index: number, change: Partial<EngineState>): void } {
  const states = [...initial];
  const listeners = new Set<(states: EngineState[]) => void>();
  return {
    states: () => [...states],
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(index, change) {
      states[index] = { ...states[index]!, ...change };
      for (const listener of listeners) listener([...states]);
    },
  };
}

describe('waiting for the Engines', () => {
  it('resolves as soon as every Engine is connected, without a progress line when that is quick', async () => {
    const engines = subject([state('a'), state('b')]);
    const lines: string[] = [];
    const waited = waitForEngines(engines, { timeoutMs: 10_000, onProgress: (line) => lines.push(line) });
    engines.set(0, { status: 'connected' });
    engines.set(1, { status: 'connected' });
    expect((await waited).map((engine) => engine.status)).toEqual(['connected', 'connected']);
    expect(lines).toEqual([]);
  });

  it('runs on those connected when the time is up, naming the ones away and why', async () => {
    const engines = subject([state('a', { status: 'connected' }), state('b', { lastError: 'websocket error: connect ECONNREFUSED 127.0.0.1:9' })]);
    const lines: string[] = [];
    const states = await waitForEngines(engines, { timeoutMs: 300, quietMs: 0, onProgress: (line) => lines.push(line) });
    expect(states.map((engine) => engine.status)).toEqual(['connected', 'connecting']);
    expect(lines.at(-1)).toBe('Engine b is not connected: unreachable at b (websocket error: connect ECONNREFUSED 127.0.0.1:9); running on the others (it joins when it comes up)');
  });

  it('fails with one error naming each Engine and why when none comes up: refused token, protocol mismatch, unreachable', async () => {
    const engines = subject([state('http://a'), state('http://b'), state('http://c')]);
    const waited = waitForEngines(engines, { timeoutMs: 300 });
    engines.set(0, { status: 'down', refused: true, lastError: 'unauthorized: the Engine refused the token' });
    engines.set(1, { status: 'down', refused: true, lastError: 'incompatible Engine protocol: this Engine speaks version 1, the console sent version 2; update the older of the two' });
    const error = await waited.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(NoEngineError);
    expect((error as Error).message).toBe(
      [
        'no Engine came up within 0.3 s:',
        '  http://a: refused the token (unauthorized: the Engine refused the token)',
        '  http://b: protocol mismatch (incompatible Engine protocol: this Engine speaks version 1, the console sent version 2; update the older of the two)',
        '  http://c: unreachable at http://c (no answer yet)',
      ].join('\n'),
    );
  });

  it('does not wait out the time when every Engine has refused', async () => {
    const engines = subject([state('a', { status: 'down', refused: true, lastError: 'unauthorized: the Engine refused the token' })]);
    await expect(waitForEngines(engines, { timeoutMs: 60_000 })).rejects.toThrow(/a: refused the token/);
    expect(unavailableReason(state('x', { status: 'connected' }))).toBe('connected');
  });
});
