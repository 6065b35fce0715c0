import { describe, expect, it } from 'vitest';
import { createGraphCache, edgeState, graphBase, toGraphEdges, toGraphNodes } from '../../../../src/renderer/src/monitor/graph/graph-flow';
import { containerShare, nodeClasses } from '../../../../src/renderer/src/monitor/graph/graph-node-model';
import { sampleWorkflow } from '../../editor/fixtures';
import { dependency, nodeView, taskNodes } from '../replay/fixtures';

function liveNodes(simulate = nodeView('simulate', { parentId: 'stage', status: 'running', batch: 2, progress: 0.4, dependencies: [dependency('fetch', 'success', 'satisfied')] })) {
  return taskNodes([
    nodeView('root', { nodeType: 'container', isRoot: true, status: 'running', managedNodes: { total: 3, completed: 1, running: 1, failed: 0, skipped: 0 } }),
    nodeView('fetch', { parentId: 'root', status: 'completed', batch: 1, progress: 1 }),
    nodeView('stage', { nodeType: 'container', parentId: 'root', status: 'running' }),
    simulate,
    nodeView('report', { parentId: 'stage', status: 'waiting', dependencies: [dependency('simulate', 'finish', 'pending', { '>': [{ var: 'result.score' }, 0.5] })] }),
  ]);
}

describe('live graph mapping', () => {
  it('places each node where the workflow lays it out, inside its container, read-only, with its live view', () => {
    const base = graphBase(sampleWorkflow());
    const nodes = toGraphNodes(base, liveNodes(), 'stage', createGraphCache());
    const simulate = nodes.find((node) => node.id === 'simulate');
    expect(simulate).toMatchObject({ type: 'agent', parentId: 'stage', position: { x: 30, y: 60 }, width: 200, draggable: false, connectable: false, selectable: false });
    expect(simulate?.data.view).toMatchObject({ status: 'running', batch: 2 });
    expect(nodes.find((node) => node.id === 'stage')?.data.selected).toBe(true);
    expect(nodes.findIndex((node) => node.id === 'stage')).toBeLessThan(nodes.findIndex((node) => node.id === 'simulate'));
  });

  it('hands back the very same objects for nodes and edges whose state did not change', () => {
    const base = graphBase(sampleWorkflow());
    const cache = createGraphCache();
    const first = liveNodes();
    const before = toGraphNodes(base, first, null, cache);
    const edgesBefore = toGraphEdges(base, first, cache);
    const moved = nodeView('simulate', { parentId: 'stage', status: 'completed', batch: 2, progress: 1, dependencies: [dependency('fetch', 'success', 'satisfied')] });
    const next = taskNodes(
      first.order.map((id) => (id === 'simulate' ? moved : first.byId.get(id)!)).map((view) => (view.nodeId === 'report' ? { ...view, dependencies: [dependency('simulate', 'finish', 'satisfied')] } : view)),
      2,
    );
    next.byId.forEach((view, id) => {
      if (id !== 'simulate' && id !== 'report') expect(view).toBe(first.byId.get(id));
    });
    const after = toGraphNodes(base, next, null, cache);
    const changed = after.filter((node, i) => node !== before[i]).map((node) => node.id);
    expect(changed.sort()).toEqual(['report', 'simulate']);
    const edgesAfter = toGraphEdges(base, next, cache);
    expect(edgesAfter[0]).toBe(edgesBefore[0]);
    expect(edgesAfter[1]).not.toBe(edgesBefore[1]);
    expect(edgesAfter[1]?.data?.state).toBe('satisfied');
    const reselected = toGraphNodes(base, next, 'fetch', cache);
    expect(reselected.filter((node, i) => node !== after[i]).map((node) => node.id)).toEqual(['fetch']);
  });

  it('marks each edge with its state and colours the arrow to match', () => {
    const base = graphBase(sampleWorkflow());
    const edges = toGraphEdges(base, liveNodes(), createGraphCache());
    expect(edges.map((edge) => [edge.source, edge.target, edge.data?.state])).toEqual([
      ['fetch', 'simulate', 'satisfied'],
      ['simulate', 'report', 'pending'],
    ]);
    expect(edges[0]?.markerEnd).toBe('graph-arrow-satisfied');
    expect(edges[0]).toMatchObject({ type: 'status', selectable: false });
  });

  it('reads an edge state by position, else by source, else as pending', () => {
    const view = nodeView('x', { dependencies: [dependency('a', 'success', 'satisfied'), dependency('b', 'failure', 'unsatisfiable')] });
    expect(edgeState(view, 1, 'b')).toBe('unsatisfiable');
    expect(edgeState(view, 0, 'b')).toBe('unsatisfiable');
    expect(edgeState(view, 0, 'ghost')).toBe('pending');
    expect(edgeState(undefined, 0, 'a')).toBe('pending');
  });

  it('shows nodes the task has not reported yet as pending', () => {
    const base = graphBase(sampleWorkflow());
    const nodes = toGraphNodes(base, taskNodes([]), null, createGraphCache());
    expect(nodes.every((node) => node.data.view === undefined)).toBe(true);
  });
});

describe('graph node model', () => {
  it('names the status and the selection in classes', () => {
    expect(nodeClasses('graph-agent', 'failed', true)).toBe('graph-node graph-agent graph-status-failed is-selected');
    expect(nodeClasses('graph-container', 'pending', false)).toBe('graph-node graph-container graph-status-pending');
  });

  it('counts a container done by the share of agents that ended', () => {
    expect(containerShare({ total: 4, completed: 1, failed: 1, skipped: 1, running: 1 })).toBe(0.75);
    expect(containerShare({ total: 0, completed: 0, failed: 0, skipped: 0, running: 0 })).toBe(0);
    expect(containerShare(undefined)).toBe(0);
  });
});

describe('graph lists', () => {
  it('hands back the same lists when nothing changed, so xyflow can skip them', () => {
    const base = graphBase(sampleWorkflow());
    const cache = createGraphCache();
    const nodes = liveNodes();
    const first = toGraphNodes(base, nodes, null, cache);
    const edges = toGraphEdges(base, nodes, cache);
    expect(toGraphNodes(base, taskNodes([...nodes.byId.values()], 2), null, cache)).toBe(first);
    expect(toGraphEdges(base, taskNodes([...nodes.byId.values()], 2), cache)).toBe(edges);
    expect(first.every((node) => node.handles?.length === 2)).toBe(true);
  });});
