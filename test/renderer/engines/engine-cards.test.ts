import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../../src/shared/engine/engine-state';
import { engineCard, engineSummary } from '../../../src/renderer/src/engines/model/engine-cards';

const state = (patch: Partial<EngineState> = {}): EngineState => ({
  endpoint: 'embedded',
  url: 'http://127.0.0.1:7300',
  engineId: 'eng-1',
  status: 'connected',
  since: 1000,
  latencyMs: 12,
  capacity: 8,
  running: 2,
  load: 0.25,
  catalog: [],
  skills: [],
  lastError: null,
  refused: false,
  ...patch,
});

describe('an Engine card', () => {
  it('shows a connected Engine green with its latency and load', () => {
    expect(engineCard(state())).toMatchObject({
      name: 'embedded',
      url: 'http://127.0.0.1:7300',
      statusTone: 'ok',
      latencyMs: 12,
      latencyTone: 'ok',
      loadPercent: 25,
      loadTone: 'ok',
      problem: null,
    });
  });

  it('leaves out the URL when the endpoint is named by it', () => {
    expect(engineCard(state({ endpoint: 'http://a:1', url: 'http://a:1' })).url).toBeNull();
  });

  it('colours each link status', () => {
    expect(engineCard(state({ status: 'connecting' })).statusTone).toBe('muted');
    expect(engineCard(state({ status: 'reconnecting' })).statusTone).toBe('warning');
    expect(engineCard(state({ status: 'down' })).statusTone).toBe('critical');
  });

  it('warns of a slow link and a full Engine', () => {
    expect(engineCard(state({ latencyMs: 900 })).latencyTone).toBe('warning');
    expect(engineCard(state({ running: 7 }))).toMatchObject({ loadPercent: 88, loadTone: 'warning' });
    expect(engineCard(state({ running: 10 }))).toMatchObject({ loadPercent: 100, loadTone: 'critical' });
  });

  it('shows why an Engine is not connected, and no stale latency', () => {
    const card = engineCard(state({ status: 'down', lastError: 'ECONNREFUSED', latencyMs: 12 }));
    expect(card).toMatchObject({ problem: 'ECONNREFUSED', latencyMs: null, latencyTone: 'muted', loadTone: 'muted' });
  });

  it('takes the reported load for an Engine without capacity', () => {
    expect(engineCard(state({ capacity: 0, running: 0, load: 0.5 })).loadPercent).toBe(50);
    expect(engineCard(state({ capacity: 0, running: 0, load: Number.NaN })).loadPercent).toBe(0);
  });
});

describe('the Engines summary', () => {
  it('counts connected Engines and takes the worst status', () => {
    const cards = [state(), state({ endpoint: 'b', status: 'reconnecting' }), state({ endpoint: 'c', status: 'connecting' })].map(engineCard);
    expect(engineSummary(cards)).toEqual({ connected: 1, total: 3, tone: 'warning' });
    expect(engineSummary([])).toEqual({ connected: 0, total: 0, tone: 'muted' });
  });
});
