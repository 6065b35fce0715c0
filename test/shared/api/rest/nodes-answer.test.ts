import { describe, expect, it } from 'vitest';
import { nodesAnswer, percent } from '../../../../src/shared/api/rest/nodes-answer';
import type { NodeView } from '../../../../src/shared/task/nodes';

/** A node view with what the answer reads; fields it does not read are left out. */
function view(nodeId: string, extra: Partial<NodeView> = {}): NodeView {
  const read: Partial<NodeView> = {
    taskId: '1',
    nodeId,
    nodeType: 'agent',
    name: null,
    parentId: 'root',
    isRoot: false,
    level: 1,
    status: 'pending',
    batch: 0,
    agentLoad: 'sim',
    join: 'all',
    priority: 0,
    progress: 0,
    result: null,
    errorCode: null,
    errorMessage: null,
    engineId: null,
    notBefore: null,
    readyTime: null,
    startTime: null,
    endTime: null,
    dependencies: [],
    ...extra,
  };
  return read as NodeView;
}

describe('the design node answer', () => {
  it('gives progress in whole percent, times in ISO 8601 (left out until reached), containers their managed agents, and edges as source → target', () => {
    const answer = nodesAnswer([
      view('root', {
        nodeType: 'container',
        parentId: null,
        isRoot: true,
        level: 0,
        status: 'running',
        agentLoad: null,
        startTime: Date.UTC(2025, 10, 13, 10, 0, 0),
        managedNodes: { total: 2, completed: 1, running: 1, failed: 0, skipped: 0 },
      }),
      view('agent_001', { status: 'completed', progress: 1, startTime: Date.UTC(2025, 10, 13, 10, 0, 0), endTime: Date.UTC(2025, 10, 13, 10, 5, 0), result: { ok: true } }),
      view('agent_002', {
        status: 'running',
        progress: 0.454,
        startTime: Date.UTC(2025, 10, 13, 10, 5, 30),
        dependencies: [{ sourceNodeId: 'agent_001', type: 'success', condition: null, state: 'satisfied', satisfied: true }],
      }),
    ]);
    expect(answer.nodes[0]).toMatchObject({ nodeId: 'root', nodeType: 'container', status: 'running', managedNodes: { total: 2, completed: 1, running: 1 }, startTime: '2025-11-13T10:00:00.000Z' });
    expect(answer.nodes[0]).not.toHaveProperty('endTime');
    expect(answer.nodes[1]).toMatchObject({ nodeId: 'agent_001', progress: 100, startTime: '2025-11-13T10:00:00.000Z', endTime: '2025-11-13T10:05:00.000Z', result: { ok: true } });
    expect(answer.nodes[1]).not.toHaveProperty('managedNodes');
    expect(answer.nodes[2]).toMatchObject({ nodeId: 'agent_002', progress: 45, startTime: '2025-11-13T10:05:30.000Z' });
    expect(answer.dependencies).toEqual([{ source: 'agent_001', target: 'agent_002', type: 'success', satisfied: true, state: 'satisfied', condition: null }]);
  });

  it('never answers a percentage outside 0–100', () => {
    expect([percent(-0.2), percent(0), percent(0.01), percent(0.999), percent(1.3)]).toEqual([0, 0, 1, 100, 100]);
  });
});
