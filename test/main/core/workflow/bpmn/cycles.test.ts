import { describe, expect, it } from 'vitest';
import { breakDependencyCycles } from '../../../../../src/main/core/workflow/bpmn/cycles';
import { ImportProblems } from '../../../../../src/main/core/workflow/bpmn/import-problems';
import type { WorkflowNodeDefinition } from '../../../../../src/shared/workflow/definition';
import { validateWorkflow } from '../../../../../src/shared/workflow/validate';

function agent(nodeId: string, parentId: string, sources: string[] = [], type: 'success' | 'any' = 'success'): WorkflowNodeDefinition {
  const node: WorkflowNodeDefinition = { nodeId, nodeType: 'agent', parentId, agentLoad: 'sim' };
  if (sources.length > 0) node.dependencies = sources.map((sourceNodeId) => ({ sourceNodeId, type }));
  return node;
}

function container(nodeId: string, parentId: string | undefined, children: string[], sources: string[] = []): WorkflowNodeDefinition {
  const node: WorkflowNodeDefinition = { nodeId, nodeType: 'container', children };
  if (parentId === undefined) node.isRoot = true;
  else node.parentId = parentId;
  if (sources.length > 0) node.dependencies = sources.map((sourceNodeId) => ({ sourceNodeId, type: 'success' }));
  return node;
}

function cut(nodes: WorkflowNodeDefinition[]): { remaining: Record<string, string[]>; dropped: string[] } {
  const problems = new ImportProblems();
  breakDependencyCycles(nodes, problems);
  expect(validateWorkflow({ name: 'cycles', nodes }).ok).toBe(true);
  return {
    remaining: Object.fromEntries(nodes.filter((node) => node.dependencies?.length).map((node) => [node.nodeId, node.dependencies?.map((dependency) => dependency.sourceNodeId) ?? []])),
    dropped: problems.list.map((problem) => `${problem.code} ${problem.nodeId}`),
  };
}

describe('cutting dependency cycles', () => {
  it('cuts a loop at its way back, not at its entry', () => {
    const nodes = [container('root', undefined, ['a', 'b', 'c']), agent('a', 'root'), agent('b', 'root', ['a', 'c']), agent('c', 'root', ['b'])];
    expect(cut(nodes)).toEqual({ remaining: { b: ['a'], c: ['b'] }, dropped: ['BPMN_DEPENDENCY_DROPPED b'] });
  });

  it('drops a dependency of a node on itself', () => {
    const nodes = [container('root', undefined, ['a']), agent('a', 'root', ['a'])];
    expect(cut(nodes)).toEqual({ remaining: {}, dropped: ['BPMN_DEPENDENCY_DROPPED a'] });
  });

  it('drops a dependency of a node on its own container, and of a container on its child', () => {
    const nodes = [container('root', undefined, ['box', 'other']), container('box', 'root', ['inner'], ['inner']), agent('inner', 'box', ['box']), agent('other', 'root', ['inner'])];
    const result = cut(nodes);
    expect(result.remaining).toEqual({ other: ['inner'] });
    expect(result.dropped).toHaveLength(2);
  });

  it('finds a deadlock that goes through containers', () => {
    // x waits for y; y's container waits for x's container, which ends only after x.
    const nodes = [
      container('root', undefined, ['left', 'right']),
      container('left', 'root', ['x', 'z']),
      agent('x', 'left', ['y']),
      agent('z', 'left'),
      container('right', 'root', ['y'], ['left']),
      agent('y', 'right'),
    ];
    expect(cut(nodes)).toEqual({ remaining: { right: ['left'] }, dropped: ['BPMN_DEPENDENCY_DROPPED x'] });
  });

  it('leaves any-edges alone: they never block', () => {
    const nodes = [container('root', undefined, ['a', 'b']), agent('a', 'root', ['b'], 'any'), agent('b', 'root', ['a'])];
    expect(cut(nodes)).toEqual({ remaining: { a: ['b'], b: ['a'] }, dropped: [] });
  });
});
