import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventInbox } from '../../../../src/main/core/engine/event-inbox';
import { NodeTracker } from '../../../../src/main/core/engine/node-tracker';
import type { EngineEvent } from '../../../../src/shared/engine/protocol';
import { recordingLogger } from '../../../helpers/engine';

afterEach(() => {
  vi.useRealTimers();
});

const lostEvent = (nodeId: string): EngineEvent => ({ type: 'node.status', taskId: '7', nodeId, batch: 1, status: 'failed', errorCode: 'ENGINE_LOST', time: 1 });

function inbox(deliveryAttempts: number) {
  const logger = recordingLogger();
  const nodes = new NodeTracker();
  const events = new EventInbox(
    { logger, label: 'Engine test', deliveryAttempts },
    { engineId: () => 'e1', heartbeat: () => undefined, sift: (list) => nodes.sift(list), ack: () => undefined, replay: () => undefined },
  );
  return { logger, events };
}

describe('EventInbox, events the console makes itself (ENGINE_LOST)', () => {
  it('retries their delivery on a timer until a listener takes them, none lost', () => {
    vi.useFakeTimers();
    const { logger, events } = inbox(3);
    const seen: EngineEvent[] = [];
    let failures = 0;
    events.onEvents((batch) => {
      if (failures < 2) {
        failures++;
        throw new Error('store busy');
      }
      seen.push(...batch);
    });
    events.deliverConsoleEvents([lostEvent('a'), lostEvent('b')]);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([lostEvent('a'), lostEvent('b')]);
    expect(logger.messages('error')).toHaveLength(2);
    expect(events.stats()).toMatchObject({ events: 2, skipped: 0 });
    events.close();
  });

  it('after the bounded tries, gives each event to each listener alone and logs the one a listener still refuses', () => {
    vi.useFakeTimers();
    const { logger, events } = inbox(1);
    const seen: EngineEvent[] = [];
    events.onEvents((batch) => {
      if (batch.some((event) => event.type === 'node.status' && event.nodeId === 'b')) throw new Error('cannot handle b');
    });
    events.onEvents((batch) => seen.push(...batch));
    events.deliverConsoleEvents([lostEvent('a'), lostEvent('b')]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([lostEvent('a'), lostEvent('b')]);
    expect(events.stats().skipped).toBe(1);
    expect(logger.messages('error').at(-1)).toBe('Engine test: event (console) node.status of task 7, node b (batch 1) skipped by a listener that failed on it 2 times, last with: cannot handle b');
    events.close();
  });
});
