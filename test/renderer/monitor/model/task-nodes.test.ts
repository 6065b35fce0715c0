import { describe, expect, it } from 'vitest';
import type { DependencyView, NodeView } from '../../../../src/shared/task/nodes';
import type { WorkflowDefinition } from '../../../../src/shared/workflow/definition';
import { nodeChange } from '../../../helpers/node-change';
import { nodeView } from '../node-views';
import { applyNodeChanges, buildTaskNodes, hierarchyOrder } from '../../../../src/renderer/src/monitor/model/task-nodes';

function view(nodeId: string, parentId: string | null, extra: Partial<NodeView> = {}): NodeView {
  const container = extra.nodeType === 'container';
  return nodeView(nodeId, {
    taskId: '1',
    name: nodeId,
    parentId,
    isRoot: parentId === null,
    agentLoad: container ? null : 'sim.run',
    ...(container ? { managedNodes: { total: 0, completed: 0, running: 0, failed: 0, skipped: 0 } } : {}),
    ...extra,
  });
}

const change = nodeChange;

const edge = (sourceNodeId: string, type: DependencyView['type'], condition: DependencyView['condition'] = null): DependencyView => ({ sourceNodeId, type, condition, state: 'pending', satisfied: false });

/** root ⊃ { a, stage ⊃ { b, c } }; b waits for a's success, c for b with a condition. */
function sample() {
  const views = [
    view('c', 'stage', { dependencies: [edge('b', 'finish', { '==': [1, 1] })] }),
    view('stage', 'root', { nodeType: 'container', managedNodes: { total: 2, completed: 0, running: 0, failed: 0, skipped: 0 } }),
    view('b', 'stage', { dependencies: [edge('a', 'success')] }),
    view('root', null, { nodeType: 'container', managedNodes: { total: 3, completed: 0, running: 0, failed: 0, skipped: 0 } }),
    view('a', 'root'),
  ];
  const workflow = {
    name: 'w',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['a', 'stage'] },
      { nodeId: 'stage', nodeType: 'container', parentId: 'root', children: ['b', 'c'] },
      { nodeId: 'c', nodeType: 'agent', parentId: 'stage' },
      { nodeId: 'b', nodeType: 'agent', parentId: 'stage' },
      { nodeId: 'a', nodeType: 'agent', parentId: 'root' },
    ],
  } as unknown as WorkflowDefinition;
  return { views, workflow };
}

describe('hierarchy order', () => {
  it('puts each container before its children, siblings in the container’s own order', () => {
    const { views, workflow } = sample();
    expect(hierarchyOrder(views, workflow)).toEqual(['root', 'a', 'stage', 'b', 'c']);
  });

  it('keeps a node whose parent is missing instead of hiding it', () => {
    const { workflow } = sample();
    expect(hierarchyOrder([view('orphan', 'gone'), view('root', null)], workflow)).toEqual(['orphan', 'root']);
  });

  it('orders 10,000 nodes without recursion limits', () => {
    const views = [view('root', null, { nodeType: 'container' })];
    let parent = 'root';
    for (let index = 0; index < 9_999; index++) {
      const id = `n${index}`;
      views.push(view(id, parent, { nodeType: index % 2 === 0 ? 'container' : 'agent' }));
      if (index % 2 === 0) parent = id;
    }
    const order = hierarchyOrder(views, { name: 'deep', nodes: [] } as unknown as WorkflowDefinition);
    expect(order).toHaveLength(10_000);
    expect(order[0]).toBe('root');
  });
});

describe('applying changes', () => {
  it('moves managed counts up every container above a moved agent', () => {
    const { views, workflow } = sample();
    let nodes = buildTaskNodes(views, workflow);
    nodes = applyNodeChanges(nodes, [change('b', 'running')], {});
    expect(nodes.byId.get('stage')!.managedNodes).toMatchObject({ running: 1, completed: 0 });
    expect(nodes.byId.get('root')!.managedNodes).toMatchObject({ running: 1, completed: 0 });
    nodes = applyNodeChanges(nodes, [change('b', 'failed', { errorCode: 'EXIT_1' })], {});
    expect(nodes.byId.get('root')!.managedNodes).toMatchObject({ total: 3, running: 0, failed: 1 });
    expect(nodes.byId.get('b')!.errorCode).toBe('EXIT_1');
  });

  it('decides the edges leaving a node whose status moved', () => {
    const { views, workflow } = sample();
    let nodes = buildTaskNodes(views, workflow);
    nodes = applyNodeChanges(nodes, [change('a', 'failed')], {});
    expect(nodes.byId.get('b')!.dependencies[0]).toMatchObject({ state: 'unsatisfiable', satisfied: false });
    nodes = applyNodeChanges(nodes, [change('a', 'completed')], {});
    expect(nodes.byId.get('b')!.dependencies[0]).toMatchObject({ state: 'satisfied', satisfied: true });
  });

  it('decides conditional edges on the source’s result and the task’s variables, as the scheduler does', () => {
    const views = [
      view('root', null, { nodeType: 'container', managedNodes: { total: 2, completed: 0, running: 0, failed: 0, skipped: 0 } }),
      view('scout', 'root'),
      view('strike', 'root', { dependencies: [edge('scout', 'success', { '>=': [{ var: 'result.targets' }, { var: 'variables.minTargets' }] })] }),
    ];
    const workflow = { name: 'w', nodes: [] } as unknown as WorkflowDefinition;
    let nodes = buildTaskNodes(views, workflow);
    nodes = applyNodeChanges(nodes, [change('scout', 'running')], { minTargets: 3 });
    expect(nodes.byId.get('strike')!.dependencies[0]!.state).toBe('pending');
    const found = applyNodeChanges(nodes, [change('scout', 'completed', { result: { targets: 4 } })], { minTargets: 3 });
    expect(found.byId.get('strike')!.dependencies[0]).toMatchObject({ state: 'satisfied', satisfied: true });
    expect(found.byId.get('scout')!.result).toEqual({ targets: 4 });
    const tooFew = applyNodeChanges(nodes, [change('scout', 'completed', { result: { targets: 2 } })], { minTargets: 3 });
    expect(tooFew.byId.get('strike')!.dependencies[0]).toMatchObject({ state: 'unsatisfiable', satisfied: false });
  });

  it('takes the Engine, result and ready time a change carries', () => {
    const { views, workflow } = sample();
    const nodes = applyNodeChanges(buildTaskNodes(views, workflow), [change('a', 'completed', { engineId: 'engine-2', result: 'ok', readyTime: 5, startTime: 6, endTime: 9 })], {});
    expect(nodes.byId.get('a')).toMatchObject({ engineId: 'engine-2', result: 'ok', readyTime: 5, startTime: 6, endTime: 9 });
  });

  it('keeps the objects of unchanged nodes and counts versions', () => {
    const { views, workflow } = sample();
    const before = buildTaskNodes(views, workflow, 7);
    const after = applyNodeChanges(before, [change('a', 'running', { progress: 0.5 })], {});
    expect(after.version).toBe(8);
    expect(after.byId.get('c')).toBe(before.byId.get('c'));
    expect(after.byId.get('a')).toMatchObject({ status: 'running', progress: 0.5 });
    expect(before.byId.get('a')!.status).toBe('pending');
    expect(applyNodeChanges(after, [], {})).toBe(after);
  });

  it('ignores a change for a node it does not know', () => {
    const { views, workflow } = sample();
    const nodes = applyNodeChanges(buildTaskNodes(views, workflow), [change('ghost', 'running')], {});
    expect(nodes.byId.has('ghost')).toBe(false);
  });
});
