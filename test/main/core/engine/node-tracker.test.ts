import { describe, expect, it } from 'vitest';
import { NodeTracker } from '../../../../src/main/core/engine/node-tracker';
import type { EngineEvent } from '../../../../src/shared/engine/protocol';

const ref = (nodeId: string) => ({ taskId: '7', nodeId, batch: 1 });
const ended = (nodeId: string): EngineEvent => ({ type: 'node.status', ...ref(nodeId), status: 'completed', time: 1 });
const log = (nodeId: string): EngineEvent => ({ type: 'node.log', ...ref(nodeId), level: 'info', stream: 'stdout', message: 'x', time: 1 });

describe('NodeTracker', () => {
  it('records node ends only when the sifted events are committed, so a replayed batch is sifted the same way', () => {
    const nodes = new NodeTracker();
    nodes.track(ref('a'), 'agent');
    nodes.track(ref('b'), 'agent');
    expect(nodes.declareLost('gone', 'e1', 5).map((event) => event.type === 'node.status' && event.errorCode)).toEqual(['ENGINE_LOST', 'ENGINE_LOST']);
    nodes.track(ref('c'), 'agent');

    const batch = [log('a'), ended('a'), ended('c')];
    const failed = nodes.sift(batch);
    expect(failed.events).toEqual([ended('c')]);
    // Delivery failed: nothing committed, the replay must drop a's events again.
    const replayed = nodes.sift(batch);
    expect(replayed.events).toEqual([ended('c')]);
    expect(nodes.activeAgents()).toBe(1);
    replayed.commit();
    expect(nodes.activeAgents()).toBe(0);
    expect(nodes.lostNodes()).toEqual([ref('b')]);
    expect(nodes.knows(ref('c'))).toBe(true);
    // A late start acknowledgement does not make an ended node active again.
    nodes.track(ref('c'), 'agent');
    expect(nodes.activeAgents()).toBe(0);
  });
});
