import { describe, expect, it } from 'vitest';
import { Placement, type PlacementCandidate } from '../../../../src/main/core/engine/placement';

const candidates = (active: number[], capacity: number[] = active.map(() => 10), weights: number[] = active.map(() => 1)): PlacementCandidate[] =>
  active.map((count, index) => ({ index, weight: weights[index]!, active: count, capacity: capacity[index]!, skills: [] }));

function picks(placement: Placement, list: PlacementCandidate[], times: number): number[] {
  return Array.from({ length: times }, () => placement.pick(list));
}

describe('Placement strategies', () => {
  it('round robin cycles in list order and skips candidates that are missing', () => {
    const placement = new Placement('round_robin');
    expect(picks(placement, candidates([0, 0, 0]), 4)).toEqual([0, 1, 2, 0]);
    const withoutMiddle = candidates([0, 0, 0]).filter((candidate) => candidate.index !== 1);
    expect(picks(placement, withoutMiddle, 3)).toEqual([2, 0, 2]);
    expect(placement.choose(candidates([0, 0])).score).toBeNull();
  });

  it('least connections takes the lowest active/capacity, breaking ties in turn', () => {
    const placement = new Placement('least_connections');
    expect(placement.pick(candidates([3, 1, 2]))).toBe(1);
    expect(placement.pick(candidates([1, 1, 1]))).toBe(2);
    expect(placement.pick(candidates([1, 1, 1]))).toBe(0);
    // Raw counts would pick the Engine with 2 active; relative to capacity, 3 of 8 is lighter than 2 of 4.
    expect(placement.pick(candidates([2, 3], [4, 8]))).toBe(1);
    expect(placement.choose(candidates([2, 3], [4, 8])).scores).toEqual([
      { index: 0, score: 0.5 },
      { index: 1, score: 0.625 },
    ]);
  });

  it('weighted multiplies the base weight by 1/(1 + active); equal scores take turns', () => {
    const placement = new Placement('weighted');
    // 3/(1+2) = 1 against 2/(1+0) = 2.
    expect(placement.pick(candidates([2, 0], [10, 10], [3, 2]))).toBe(1);
    expect(placement.pick(candidates([0, 0], [10, 10], [5, 1]))).toBe(0);
    expect(picks(placement, candidates([0, 0], [10, 10], [1, 1]), 4)).toEqual([1, 0, 1, 0]);
    expect(() => placement.pick([])).toThrow(/no candidate/);
  });
});
