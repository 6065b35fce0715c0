import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { edgePath } from '../../../../src/renderer/src/editor/canvas/edge-path';
import { addDependency } from '../../../../src/renderer/src/editor/model/document';
import { edgeId } from '../../../../src/renderer/src/editor/model/flow-ids';
import { EMPTY_SELECTION, toFlowEdges, toFlowNodes } from '../../../../src/renderer/src/editor/model/flow-mapping';
import { indexProblems } from '../../../../src/renderer/src/editor/model/problems-index';
import { validateWorkflow } from '../../../../src/shared/workflow/validate';
import { sampleWorkflow } from '../fixtures';

// simulate → report exists in the sample; report → simulate closes a two-node cycle.
const cycle = () => addDependency(sampleWorkflow(), 'report', 'simulate');

describe('opposite dependencies and cycles on the canvas', () => {
  it('bows the two edges of an opposite pair to either side and leaves other edges straight bezier', () => {
    const definition = cycle();
    const edges = toFlowEdges({ definition, selection: EMPTY_SELECTION, problems: indexProblems(definition, []) });
    const bows = new Map(edges.map((edge) => [`${edge.source}>${edge.target}`, edge.data?.bow]));
    expect(bows.get('simulate>report')).toBe(-bows.get('report>simulate')!);
    expect(bows.get('fetch>simulate')).toBeUndefined();
  });

  it('draws the two lines of a pair apart, their labels BOW_PX either side of the middle', () => {
    const ends = { sourceX: 0, sourceY: 0, targetX: 300, targetY: 0, sourcePosition: Position.Right, targetPosition: Position.Left };
    const back = { sourceX: 300, sourceY: 0, targetX: 0, targetY: 0, sourcePosition: Position.Right, targetPosition: Position.Left };
    const [forwardPath, , forwardY] = edgePath(ends, -1);
    const [backPath, , backY] = edgePath(back, 1);
    expect(forwardPath).not.toBe(backPath);
    expect(backY - forwardY).toBe(60);
    expect(edgePath(ends, undefined)[2]).toBe(0);
  });

  it('flags every edge of a dependency cycle, not only the one the validator names', () => {
    const definition = cycle();
    const { problems } = validateWorkflow(definition);
    const cycles = problems.filter((problem) => problem.code === 'DEPENDENCY_CYCLE');
    expect(cycles).toHaveLength(1);
    const index = indexProblems(definition, problems);
    expect(index.byEdge.get(edgeId('report', 0))?.map((problem) => problem.code)).toContain('DEPENDENCY_CYCLE');
    expect(index.byEdge.get(edgeId('simulate', 1))?.map((problem) => problem.code)).toContain('DEPENDENCY_CYCLE');
    expect(index.byEdge.get(edgeId('simulate', 0))?.map((problem) => problem.code) ?? []).not.toContain('DEPENDENCY_CYCLE');
  });

  it('lets containers be dragged by their header only, agents anywhere', () => {
    const definition = sampleWorkflow();
    const nodes = toFlowNodes({ definition, selection: EMPTY_SELECTION, problems: indexProblems(definition, []), catalog: [] });
    expect(nodes.find((node) => node.id === 'stage')?.dragHandle).toBe('.wf-container-head');
    expect(nodes.find((node) => node.id === 'root')?.dragHandle).toBe('.wf-container-head');
    expect(nodes.find((node) => node.id === 'simulate')?.dragHandle).toBeUndefined();
  });
});
