import { describe, expect, it } from 'vitest';
import { agentShare, attemptShareAt, endedShare, wholePercent } from '../../../src/shared/task/progress';

describe('the one progress rule', () => {
  it('counts agents that reached an end, whichever way, and nothing for running ones', () => {
    expect(endedShare({ total: 5, completed: 2, failed: 1, skipped: 1 })).toBe(0.8);
    expect(endedShare({ total: 4, completed: 0, failed: 0, skipped: 0 })).toBe(0);
    expect(endedShare({ total: 0, completed: 0, failed: 0, skipped: 0 })).toBe(0);
    expect(endedShare(undefined)).toBe(0);
  });

  it('writes whole percents rounded down, so that 100% means every agent ended', () => {
    expect(wholePercent(0.999)).toBe(99);
    expect(wholePercent(1)).toBe(100);
    expect(wholePercent(0.29)).toBe(29);
    expect(wholePercent(0.004)).toBe(0);
    expect(wholePercent(endedShare({ total: 3, completed: 1, failed: 0, skipped: 0 }))).toBe(33);
  });

  it('takes an agent as done once it reached an end, as its container counts it, else at what it last reported', () => {
    expect(agentShare({ status: 'completed', progress: 0.2 })).toBe(1);
    expect(agentShare({ status: 'failed', progress: 0.4 })).toBe(1);
    expect(agentShare({ status: 'skipped', progress: 0 })).toBe(1);
    expect(agentShare({ status: 'stopped', progress: 0.3 })).toBe(0.3);
    expect(agentShare({ status: 'running', progress: 0.45 })).toBe(0.45);
    expect(agentShare({ status: 'pending', progress: 0 })).toBe(0);
    expect(agentShare(undefined)).toBe(0);
  });

  it('places a stored attempt at a moment on the way from its start to the progress it reached', () => {
    const attempt = { startTime: 100, endTime: 200, progress: 0.5, completed: false };
    expect(attemptShareAt(attempt, 50)).toBe(0);
    expect(attemptShareAt(attempt, 150)).toBe(0.25);
    expect(attemptShareAt(attempt, 250)).toBe(0.5);
    expect(attemptShareAt({ ...attempt, completed: true }, 150)).toBe(0.5);
    expect(attemptShareAt({ ...attempt, endTime: null }, 150)).toBe(0.5);
  });
});
