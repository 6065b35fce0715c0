import { describe, expect, it } from 'vitest';
import type { AgentCatalogItem } from '../../../src/renderer/src/editor/model/agent-catalog';
import type { Problem } from '../../../src/shared/workflow/problems';
import { moveNodes, updateNode } from '../../../src/renderer/src/editor/model/document';
import { edgeId, parseEdgeId } from '../../../src/renderer/src/editor/model/flow-ids';
import { anchors, CONTAINER_ANCHOR_Y, EMPTY_SELECTION, toFlowEdges, toFlowNodes } from '../../../src/renderer/src/editor/model/flow-mapping';
import { indexProblems } from '../../../src/renderer/src/editor/model/problems-index';
import { sampleWorkflow } from './fixtures';

const catalog: AgentCatalogItem[] = [{ agentLoad: 'sim.run', kind: 'sim', name: 'Simulation' }];

describe('definition to canvas', () => {
  it('maps containers to parent nodes, children relative to them, parents first', () => {
    const definition = sampleWorkflow();
    // Document order puts a child before its container; xyflow needs the reverse.
    const reordered = { ...definition, nodes: [definition.nodes[3]!, ...definition.nodes.filter((_, i) => i !== 3)] };
    const nodes = toFlowNodes({ definition: reordered, selection: EMPTY_SELECTION, problems: indexProblems(reordered, []), catalog });
    const order = nodes.map((node) => node.id);
    expect(order.indexOf('stage')).toBeLessThan(order.indexOf('simulate'));
    expect(order[0]).toBe('root');
    const simulate = nodes.find((node) => node.id === 'simulate');
    expect(simulate).toMatchObject({ type: 'agent', parentId: 'stage', position: { x: 30, y: 60 }, width: 200, height: 64 });
    expect(simulate?.data.agent?.kind).toBe('sim');
    expect(nodes.find((node) => node.id === 'root')).toMatchObject({ type: 'container', deletable: false });
    expect(nodes.find((node) => node.id === 'root')).not.toHaveProperty('parentId');
    expect(nodes.find((node) => node.id === 'stage')?.data.childCount).toBe(2);
  });

  it('maps each dependency to an edge from its source to its owner, carrying its type and condition', () => {
    const edges = toFlowEdges({ definition: sampleWorkflow(), selection: EMPTY_SELECTION, problems: indexProblems(sampleWorkflow(), []) });
    expect(edges).toHaveLength(2);
    const report = edges.find((edge) => edge.target === 'report');
    expect(report).toMatchObject({ source: 'simulate', id: edgeId('report', 0), data: { dependency: { type: 'finish' } } });
    expect(report?.data?.dependency.condition).toEqual({ '>': [{ var: 'result.score' }, 0.5] });
  });

  it('skips edges from unknown sources rather than handing xyflow a dangling edge', () => {
    const definition = updateNode(sampleWorkflow(), 'simulate', { dependencies: [{ sourceNodeId: 'ghost', type: 'success' }] });
    const edges = toFlowEdges({ definition, selection: EMPTY_SELECTION, problems: indexProblems(definition, []) });
    expect(edges.map((edge) => edge.target)).toEqual(['report']);
  });

  it('marks selection and puts problems on the node or edge their path names', () => {
    const definition = sampleWorkflow();
    const problems: Problem[] = [
      { severity: 'warning', code: 'AGENT_WITHOUT_LOAD', path: ['nodes', 1, 'agentLoad'], message: 'x' },
      { severity: 'error', code: 'DEPENDENCY_CYCLE', path: ['nodes', 4, 'dependencies', 0, 'sourceNodeId'], message: 'y' },
      { severity: 'error', code: 'NO_ROOT', path: [], message: 'z' },
    ];
    const index = indexProblems(definition, problems);
    const selection = { nodes: new Set(['fetch']), edges: new Set([edgeId('report', 0)]) };
    const nodes = toFlowNodes({ definition, selection, problems: index, catalog: [] });
    const edges = toFlowEdges({ definition, selection, problems: index });
    expect(nodes.find((node) => node.id === 'fetch')).toMatchObject({ selected: true, data: { severity: 'warning' } });
    expect(nodes.find((node) => node.id === 'report')?.data.severity).toBeUndefined();
    expect(edges.find((edge) => edge.target === 'report')).toMatchObject({ selected: true, data: { severity: 'error' } });
    expect(index.workflow.map((problem) => problem.code)).toEqual(['NO_ROOT']);
  });

  it('parses edge ids back to the dependency, whatever the node id holds', () => {
    for (const id of ['plain', 'dep:3:odd', '模拟 节点', 'a:b:c']) {
      expect(parseEdgeId(edgeId(id, 7))).toEqual({ targetNodeId: id, index: 7 });
    }
    expect(parseEdgeId('something else')).toBeUndefined();
  });
});

describe('canvas node reuse', () => {
  it('hands back the same canvas node while neither the node nor what it shows changed', () => {
    const definition = sampleWorkflow();
    const problems = indexProblems(definition, []);
    const first = toFlowNodes({ definition, selection: EMPTY_SELECTION, problems, catalog });
    const moved = moveNodes(definition, new Map([['fetch', { x: 99, y: 80 }]]));
    const second = toFlowNodes({ definition: moved, selection: { nodes: new Set(['report']), edges: new Set() }, problems, catalog });
    const byId = (nodes: typeof first, id: string) => nodes.find((node) => node.id === id);
    expect(byId(second, 'simulate')).toBe(byId(first, 'simulate'));
    expect(byId(second, 'fetch')).not.toBe(byId(first, 'fetch'));
    expect(byId(second, 'fetch')?.position).toEqual({ x: 99, y: 80 });
    expect(byId(second, 'report')).not.toBe(byId(first, 'report'));
    expect(byId(second, 'report')?.selected).toBe(true);
  });
});

describe('edge anchors', () => {
  it('places edge anchors up front: left middle and right middle of an agent, the title bar of a container', () => {
    const [target, source] = anchors({ type: 'agent', width: 200, height: 64 });
    expect(target).toMatchObject({ id: 'in', type: 'target', position: 'left', x: -3, y: 29 });
    expect(source).toMatchObject({ id: 'out', type: 'source', position: 'right', x: 197, y: 29 });
    expect(anchors({ type: 'container', width: 500, height: 300 })[0]?.y).toBe(CONTAINER_ANCHOR_Y - 3);
  });

});
