import { describe, expect, it } from 'vitest';
import { Placement, type PlacementCandidate } from '../../../../src/main/core/engine/placement';

const candidates = (active: number[], weights: number[] = active.map(() => 1)): PlacementCandidate[] =>
  active.map((count, index) => ({ index, weight: weights[index]!, active: count }));

function picks(placement: Placement, list: PlacementCandidate[], times: number): number[] {
  return Array.from({ length: times }, () => placement.pick(list));
}

describe('Placement strategies', () => {
  it('round robin cycles in list order and skips candidates that are missing', () => {
    const placement = new Placement('round_robin');
    expect(picks(placement, candidates([0, 0, 0]), 4)).toEqual([0, 1, 2, 0]);
    const withoutMiddle = candidates([0, 0, 0]).filter((candidate) => candidate.index !== 1);
    expect(picks(placement, withoutMiddle, 3)).toEqual([2, 0, 2]);
  });

  it('least connections takes the fewest active, breaking ties in turn', () => {
    const placement = new Placement('least_connections');
    expect(placement.pick(candidates([3, 1, 2]))).toBe(1);
    expect(placement.pick(candidates([1, 1, 1]))).toBe(2);
    expect(placement.pick(candidates([1, 1, 1]))).toBe(0);
  });

  it('weighted spreads nodes in proportion to the weights, smoothly', () => {
    const placement = new Placement('weighted');
    const order = picks(placement, candidates([0, 0, 0], [5, 1, 1]), 14);
    expect(order.slice(0, 7)).toEqual([0, 0, 1, 0, 2, 0, 0]);
    expect(order.filter((index) => index === 0)).toHaveLength(10);
    expect(() => placement.pick([])).toThrow(/no candidate/);
  });
});
