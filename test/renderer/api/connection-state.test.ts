import { describe, expect, it } from 'vitest';
import { createConnectionStore, initialConnection, nextConnection, type ConnectionInput, type ConnectionState } from '../../../src/renderer/src/api/connection-state';

function run(inputs: ConnectionInput[]): ConnectionState {
  return inputs.reduce(nextConnection, initialConnection(0));
}

describe('the connection state machine', () => {
  it('is connecting until the host is reached, then connected with the heartbeat round trip', () => {
    expect(initialConnection(5)).toEqual({ phase: 'connecting', since: 5, latencyMs: null, lastContact: null, attempts: 0, detail: null });
    const state = run([
      { type: 'connected', at: 10 },
      { type: 'heartbeat', at: 2010, latencyMs: 3 },
    ]);
    expect(state).toEqual({ phase: 'connected', since: 10, latencyMs: 3, lastContact: 2010, attempts: 0, detail: null });
  });

  it('is lost on a dropped socket or a missed heartbeat, keeping when the host last answered and the first reason', () => {
    const dropped = run([
      { type: 'connected', at: 10 },
      { type: 'heartbeat', at: 2010, latencyMs: 3 },
      { type: 'disconnected', at: 3000, detail: 'transport close' },
      { type: 'disconnected', at: 3500, detail: 'websocket error' },
    ]);
    expect(dropped).toEqual({ phase: 'lost', since: 3000, latencyMs: null, lastContact: 2010, attempts: 0, detail: 'transport close' });
    const silent = run([
      { type: 'connected', at: 10 },
      { type: 'heartbeatMissed', at: 4000, timeoutMs: 2000 },
    ]);
    expect(silent).toMatchObject({ phase: 'lost', since: 4000, lastContact: 10, detail: 'no answer to the heartbeat within 2000 ms' });
  });

  it('counts reconnection attempts while lost, ignores a late heartbeat answer, and is connected again on reconnect', () => {
    const lost = run([
      { type: 'connected', at: 10 },
      { type: 'disconnected', at: 3000, detail: 'transport close' },
      { type: 'reconnecting', at: 3500, attempt: 1 },
      { type: 'heartbeat', at: 3600, latencyMs: 900 },
      { type: 'reconnecting', at: 5000, attempt: 2 },
    ]);
    expect(lost).toMatchObject({ phase: 'lost', attempts: 2, latencyMs: null, lastContact: 10 });
    expect(nextConnection(lost, { type: 'connected', at: 6000 })).toEqual({ phase: 'connected', since: 6000, latencyMs: null, lastContact: 6000, attempts: 0, detail: null });
  });

  it('is lost when the host cannot be reached at all from the start', () => {
    expect(run([{ type: 'disconnected', at: 100, detail: 'websocket error' }])).toMatchObject({ phase: 'lost', lastContact: null, detail: 'websocket error' });
  });

  it('stays refused once the host turned the session away', () => {
    const refused = run([
      { type: 'refused', at: 100, detail: 'unauthorized' },
      { type: 'connected', at: 200 },
      { type: 'disconnected', at: 300, detail: 'x' },
    ]);
    expect(refused).toMatchObject({ phase: 'refused', since: 100, detail: 'unauthorized' });
  });

  it('tells its listeners of each change, and only of changes', () => {
    const store = createConnectionStore(0);
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.apply({ type: 'connected', at: 1 });
    store.apply({ type: 'reconnecting', at: 2, attempt: 1 });
    expect(calls).toBe(1);
    store.apply({ type: 'heartbeat', at: 3, latencyMs: 2 });
    expect(calls).toBe(2);
    off();
    store.apply({ type: 'disconnected', at: 4, detail: 'gone' });
    expect(calls).toBe(2);
    expect(store.get().phase).toBe('lost');
  });
});
