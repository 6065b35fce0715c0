import { describe, expect, it } from 'vitest';
import { canTransitionNode, isActiveNodeStatus, NODE_STATUSES, NODE_TYPES, type NodeStatus, type NodeType } from '../../../../../src/shared/status';
import { isManualAgent } from '../../../../../src/shared/engine/agent-kind';
import { availableControls, type NodeControl } from '../../../../../src/renderer/src/monitor/tree/model/available-controls';

function controls(nodeType: NodeType, status: NodeStatus, isManual = false): NodeControl[] {
  return [...availableControls({ nodeType, status }, { isManual })].sort();
}

describe('available controls', () => {
  it('offers what the operator expects for each agent status', () => {
    expect(controls('agent', 'pending')).toEqual(['hold', 'skip']);
    expect(controls('agent', 'waiting')).toEqual(['hold', 'skip']);
    expect(controls('agent', 'ready')).toEqual(['hold', 'skip']);
    expect(controls('agent', 'running')).toEqual(['hold', 'stop']);
    expect(controls('agent', 'held')).toEqual(['release', 'skip', 'stop']);
    expect(controls('agent', 'completed')).toEqual(['rerun']);
    expect(controls('agent', 'failed')).toEqual(['rerun', 'restart', 'skip']);
    expect(controls('agent', 'stopped')).toEqual(['rerun', 'restart', 'skip']);
    expect(controls('agent', 'skipped')).toEqual(['rerun']);
  });

  it('lets containers be stopped while initializing, and otherwise treats them like agents', () => {
    expect(controls('container', 'initializing')).toEqual(['stop']);
    expect(controls('container', 'running')).toEqual(['hold', 'stop']);
    expect(controls('container', 'held')).toEqual(['release', 'skip', 'stop']);
    expect(controls('container', 'failed')).toEqual(['rerun', 'restart', 'skip']);
    expect(controls('container', 'completed')).toEqual(['rerun']);
  });

  it('offers approve and reject only on a running manual agent', () => {
    expect(controls('agent', 'running', true)).toEqual(['approve', 'hold', 'reject', 'stop']);
    expect(controls('agent', 'ready', true)).toEqual(['hold', 'skip']);
    expect(controls('container', 'running', true)).toEqual(['hold', 'stop']);
  });

  it('agrees with the state machines for every type and status', () => {
    for (const type of NODE_TYPES) {
      for (const status of NODE_STATUSES) {
        const offered = availableControls({ nodeType: type, status }, { isManual: true });
        expect(offered.has('stop'), `${type} ${status} stop`).toBe(canTransitionNode(type, status, 'stopped'));
        // running → skipped is an onError rule's, never an operator's.
        expect(offered.has('skip'), `${type} ${status} skip`).toBe(canTransitionNode(type, status, 'skipped') && !isActiveNodeStatus(status));
        expect(offered.has('rerun'), `${type} ${status} rerun`).toBe(canTransitionNode(type, status, 'pending') && status !== 'held');
        expect(offered.has('hold'), `${type} ${status} hold`).toBe(canTransitionNode(type, status, 'held'));
        expect(offered.has('release'), `${type} ${status} release`).toBe(status === 'held');
        if (offered.has('restart')) expect(canTransitionNode(type, status, 'ready'), `${type} ${status} restart`).toBe(true);
        if (offered.has('approve')) {
          expect(canTransitionNode(type, status, 'completed')).toBe(true);
          expect(canTransitionNode(type, status, 'failed')).toBe(true);
        }
      }
    }
  });
});

describe('manual agent loads', () => {
  it('follows the catalog, and the load named manual where the catalog is silent', () => {
    const kinds = new Map([
      ['approval', 'manual'],
      ['manual', 'sim'],
      ['red-team', 'sim'],
    ]);
    expect(isManualAgent('approval', (load) => kinds.get(load))).toBe(true);
    expect(isManualAgent('manual', (load) => kinds.get(load))).toBe(false);
    expect(isManualAgent('red-team', (load) => kinds.get(load))).toBe(false);
    expect(isManualAgent('manual')).toBe(true);
    expect(isManualAgent('unknown', (load) => kinds.get(load))).toBe(false);
    expect(isManualAgent(null, (load) => kinds.get(load))).toBe(false);
  });
});
