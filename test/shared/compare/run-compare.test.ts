import { describe, expect, it } from 'vitest';
import { compareRuns, type RunNode, type RunSide } from '../../../src/shared/compare/run-compare';

const node = (nodeId: string, overrides: Partial<RunNode> = {}): RunNode => ({ nodeId, nodeType: 'agent', name: null, status: 'completed', batches: 1, durationMs: 1000, result: null, ...overrides });
const run = (nodes: RunNode[]): RunSide => ({ taskId: '1', name: 'r', status: 'completed', startTime: 0, endTime: 1, variables: {}, nodes });

describe('compareRuns', () => {
  it('takes a node that is an agent in one run and a container in the other for a difference', () => {
    const comparison = compareRuns(run([node('x')]), run([node('x', { nodeType: 'container' })]));
    expect(comparison.nodes[0]).toMatchObject({ nodeTypes: { a: 'agent', b: 'container' }, differs: true });
    expect(comparison.counts.differing).toBe(1);
  });

  it('counts a duration as different from both thresholds on, not below either', () => {
    const options = { absoluteThresholdMs: 500, relativeThreshold: 0.2 };
    const verdict = (a: number, b: number) => compareRuns(run([node('x', { durationMs: a })]), run([node('x', { durationMs: b })]), options).nodes[0]!.duration?.verdict;
    expect(verdict(1000, 1500)).toBe('slower');
    expect(verdict(1000, 1499)).toBeUndefined();
    expect(verdict(10_000, 11_999)).toBeUndefined();
    expect(verdict(10_000, 8000)).toBe('faster');
    expect(verdict(1000, 1000)).toBeUndefined();
  });
});
