import { describe, expect, it } from 'vitest';
import { dependentsIndex } from '../../../src/shared/workflow/dependents';
import { buildTree } from '../../../src/shared/workflow/tree';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { type EXAMPLE_FILES, exampleText } from '../../helpers/workflow';

function example(file: (typeof EXAMPLE_FILES)[number]) {
  const result = validateWorkflow(JSON.parse(exampleText(file)));
  if (!result.definition) throw new Error(`${file} does not validate`);
  return result.definition;
}

describe('buildTree', () => {
  it('indexes parents, children, depths, levels and pre-order', () => {
    const tree = buildTree(example('red-vs-blue.json'));
    expect(tree.rootId).toBe('deduction');
    expect(tree.parent.get('red-strike')).toBe('red-side');
    expect(tree.children.get('adjudication')).toEqual(['umpire', 'brief-red-win', 'brief-blue-win']);
    expect(tree.depth.get('deduction')).toBe(0);
    expect(tree.depth.get('red-strike')).toBe(2);
    expect(tree.levels[0]).toEqual(['deduction']);
    expect(tree.levels[1]).toEqual(['setup', 'red-side', 'blue-side', 'adjudication', 'incident-review']);
    expect(tree.order.slice(0, 4)).toEqual(['deduction', 'setup', 'red-side', 'red-recon']);
    for (const id of tree.order) {
      const parent = tree.parent.get(id);
      if (parent !== null && parent !== undefined) expect(tree.order.indexOf(parent)).toBeLessThan(tree.order.indexOf(id));
    }
  });

  it('answers ancestor and descendant questions', () => {
    const tree = buildTree(example('red-vs-blue.json'));
    expect(tree.isAncestor('deduction', 'umpire')).toBe(true);
    expect(tree.isAncestor('adjudication', 'umpire')).toBe(true);
    expect(tree.isAncestor('red-side', 'umpire')).toBe(false);
    expect(tree.isAncestor('umpire', 'umpire')).toBe(false);
    expect(tree.isAncestor('umpire', 'adjudication')).toBe(false);
    expect(tree.ancestors('umpire')).toEqual(['adjudication', 'deduction']);
    expect(tree.descendants('blue-side')).toEqual(['blue-detect', 'blue-defend']);
    expect(tree.descendants('deduction')).toHaveLength(tree.order.length - 1);
    expect(tree.descendants('nope')).toEqual([]);
  });

  it('refuses a definition without a root', () => {
    const definition = example('it-ops-maintenance.json');
    expect(() => buildTree({ ...definition, nodes: definition.nodes.map((node) => ({ ...node, isRoot: false })) })).toThrow(/no root/);
  });
});

describe('dependentsIndex', () => {
  it('lists, for each node, the edges that wait on it', () => {
    const index = dependentsIndex(example('it-ops-maintenance.json'));
    expect(index.get('maintenance')!.map((edge) => [edge.targetNodeId, edge.dependency.type])).toEqual([
      ['verify', 'success'],
      ['rollback', 'failure'],
    ]);
    expect(index.get('verify')!.map((edge) => `${edge.targetNodeId}[${edge.index}]`)).toEqual(['rollback[1]', 'report[0]']);
    expect(index.get('report')!.map((edge) => `${edge.targetNodeId}[${edge.index}]`)).toEqual(['release-target[0]']);
    expect(index.has('release-target')).toBe(false);
  });
});
