import { describe, expect, it } from 'vitest';
import { changedSince, nodeStateAt, statesAt } from '../../../src/shared/review/moment-state';
import { transitionsByNode, type HistoryTransition } from '../../../src/shared/review/transition-history';

const T0 = 1_000;
const history: HistoryTransition[] = [
  { nodeId: 'scout', batch: 1, from: 'pending', to: 'running', time: T0 + 100 },
  { nodeId: 'strike', batch: 1, from: 'pending', to: 'running', time: T0 + 300 },
  { nodeId: 'scout', batch: 1, from: 'running', to: 'completed', time: T0 + 200 },
  { nodeId: 'strike', batch: 1, from: 'running', to: 'failed', time: T0 + 500 },
  // A rerun: the same moment as the failure's successor, kept in the store's order.
  { nodeId: 'strike', batch: 2, from: 'failed', to: 'running', time: T0 + 700 },
  { nodeId: 'strike', batch: 2, from: 'running', to: 'completed', time: T0 + 700 },
];
const byNode = transitionsByNode(history);
const ids = ['root', 'scout', 'strike'];

describe('the moment state', () => {
  it('is each node’s last transition at or before the moment, in time order, pending before any', () => {
    expect(byNode.get('scout')!.map((transition) => transition.to)).toEqual(['running', 'completed']);
    expect(nodeStateAt(byNode.get('scout')!, T0 + 99)).toEqual({ status: 'pending', batch: 0 });
    expect(nodeStateAt(byNode.get('scout')!, T0 + 100)).toEqual({ status: 'running', batch: 1 });
    expect(nodeStateAt(byNode.get('strike')!, T0 + 600)).toEqual({ status: 'failed', batch: 1 });
    // Two transitions at one moment: the later one recorded wins.
    expect(nodeStateAt(byNode.get('strike')!, T0 + 700)).toEqual({ status: 'completed', batch: 2 });
    expect(Object.fromEntries([...statesAt(byNode, ids, T0 + 250)].map(([id, state]) => [id, state.status]))).toEqual({ root: 'pending', scout: 'completed', strike: 'pending' });
  });

  it('lists the nodes whose status changed between two moments, in the given order, from the start for the first', () => {
    const first = statesAt(byNode, ids, T0 + 150);
    const second = statesAt(byNode, ids, T0 + 550);
    const third = statesAt(byNode, ids, T0 + 560);
    expect(changedSince(null, first, ids)).toEqual([{ nodeId: 'scout', from: 'pending', to: 'running' }]);
    expect(changedSince(first, second, ids)).toEqual([
      { nodeId: 'scout', from: 'running', to: 'completed' },
      { nodeId: 'strike', from: 'pending', to: 'failed' },
    ]);
    expect(changedSince(second, third, ids)).toEqual([]);
  });
});
