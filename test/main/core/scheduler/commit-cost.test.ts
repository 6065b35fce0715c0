import { describe, expect, it } from 'vitest';
import { CommitCost } from '../../../../src/main/core/scheduler/commit-cost';

describe('the learned cost of a commit', () => {
  it('separates a fixed part from a part per row', () => {
    const cost = new CommitCost();
    for (let i = 0; i < 200; i++) {
      const rows = 1 + (i % 50);
      cost.observe(rows, 0.08 + rows * 0.005);
    }
    expect(cost.fixedMs).toBeCloseTo(0.08, 3);
    expect(cost.perRowMs).toBeCloseTo(0.005, 4);
    expect(cost.stepMs(0.5)).toBe(0.5);
  });

  it('learns what sending one command costs, and ignores commits that sent none', () => {
    const cost = new CommitCost();
    expect(cost.perCommandMs).toBe(0);
    cost.observeCommands(10, 0.1);
    expect(cost.perCommandMs).toBeCloseTo(0.01, 6);
    cost.observeCommands(0, 5);
    expect(cost.perCommandMs).toBeCloseTo(0.01, 6);
    for (let i = 0; i < 300; i++) cost.observeCommands(4, 0.08);
    expect(cost.perCommandMs).toBeCloseTo(0.02, 4);
  });
});
