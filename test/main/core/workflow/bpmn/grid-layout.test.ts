import { describe, expect, it } from 'vitest';
import { workflowTree } from '../../../../../src/main/core/workflow/bpmn/export-structure';
import { gridLayout } from '../../../../../src/main/core/workflow/bpmn/grid-layout';
import type { WorkflowDefinition } from '../../../../../src/shared/workflow/definition';

const SIZE = { width: 100, height: 80 };

describe('the grid layout of workflows too large for ELK', () => {
  it('puts each node of a chain in the column after its source, and sizes the root around them', () => {
    const nodes: WorkflowDefinition['nodes'] = [{ nodeId: 'root', nodeType: 'container', isRoot: true }];
    for (let index = 0; index < 20_000; index++) nodes.push({ nodeId: `n${index}`, nodeType: 'agent', parentId: 'root', ...(index > 0 && { dependencies: [{ sourceNodeId: `n${index - 1}`, type: 'success' }] }) });
    const tree = workflowTree({ name: 'chain', nodes });
    const edges = nodes.slice(2).map((node) => ({ source: node.dependencies![0]!.sourceNodeId, target: node.nodeId }));
    const boxes = gridLayout(tree, edges, () => SIZE);
    expect(boxes.get('n0')).toEqual({ x: 70, y: 40, ...SIZE });
    expect(boxes.get('n1')).toEqual({ x: 220, y: 40, ...SIZE });
    expect(boxes.get('n19999')!.x).toBe(70 + 19_999 * 150);
    expect(boxes.get('root')).toMatchObject({ width: 70 + 20_000 * 150 - 50 + 40, height: 40 + 80 + 40 });
  });

  it('lays containers out around their content, with edges into a container ordering it after the source', () => {
    const tree = workflowTree({
      name: 'boxes',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true },
        { nodeId: 'first', nodeType: 'agent', parentId: 'root' },
        { nodeId: 'box', nodeType: 'container', parentId: 'root' },
        { nodeId: 'inside', nodeType: 'agent', parentId: 'box' },
        { nodeId: 'beside', nodeType: 'agent', parentId: 'box' },
      ],
    });
    const boxes = gridLayout(tree, [{ source: 'first', target: 'inside' }], () => SIZE);
    expect(boxes.get('inside')).toEqual({ x: 30, y: 40, ...SIZE });
    expect(boxes.get('beside')).toEqual({ x: 30, y: 160, ...SIZE });
    expect(boxes.get('box')).toEqual({ x: 220, y: 40, width: 160, height: 270 });
    expect(boxes.get('first')).toEqual({ x: 70, y: 40, ...SIZE });
  });
});
