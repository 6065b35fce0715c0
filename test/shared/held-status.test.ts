import { describe, expect, it } from 'vitest';
import {
  canTransitionNode,
  HOLDABLE_NODE_STATUSES,
  isActiveNodeStatus,
  isEndedNodeStatus,
  isNotStartedNodeStatus,
  isTerminalNodeStatus,
  NODE_STATUSES,
  NODE_TYPES,
  type NodeStatus,
  type NodeType,
} from '../../src/shared/status';

/** Where `held` may come from and go to, in each machine (src/shared/status.ts). */
const INTO_HELD: Record<NodeType, readonly NodeStatus[]> = {
  agent: ['pending', 'waiting', 'ready', 'running'],
  container: ['pending', 'waiting', 'ready', 'running'],
};
const OUT_OF_HELD: Record<NodeType, readonly NodeStatus[]> = {
  agent: ['pending', 'running', 'completed', 'failed', 'stopped', 'skipped', 'ready'],
  container: ['pending', 'running', 'failed', 'stopped', 'skipped'],
};

describe('the held status in the state machines', () => {
  for (const type of NODE_TYPES) {
    for (const from of NODE_STATUSES) {
      const allowed = INTO_HELD[type].includes(from);
      it(`${type}: ${from} → held is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionNode(type, from, 'held')).toBe(allowed);
      });
    }
    for (const to of NODE_STATUSES) {
      const allowed = OUT_OF_HELD[type].includes(to);
      it(`${type}: held → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionNode(type, 'held', to)).toBe(allowed);
      });
    }
  }

  it('counts held in no named set: not started, active, ended or terminal', () => {
    expect([isNotStartedNodeStatus('held'), isActiveNodeStatus('held'), isEndedNodeStatus('held'), isTerminalNodeStatus('held')]).toEqual([false, false, false, false]);
  });

  it('holds what has not started and what runs, nothing else', () => {
    expect([...HOLDABLE_NODE_STATUSES].sort()).toEqual(['pending', 'ready', 'running', 'waiting']);
  });
});
