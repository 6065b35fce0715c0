import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureRateLevel, healthFromNodes, pickHealth, scoreLevel, worseLevel } from '../../../src/renderer/src/alerts/model/health-level';
import { NODE_REASON } from '../../../src/shared/task/reasons';

const thresholds = { healthScoreThreshold: 60, failureRateThreshold: 0.2 };

describe('health levels', () => {
  it('is critical below the score threshold, a warning in the first half above it, ok beyond', () => {
    expect(scoreLevel(59, thresholds)).toBe('critical');
    expect(scoreLevel(60, thresholds)).toBe('warning');
    expect(scoreLevel(79, thresholds)).toBe('warning');
    expect(scoreLevel(80, thresholds)).toBe('ok');
    expect(scoreLevel(100, thresholds)).toBe('ok');
  });

  it('is critical above the failure rate threshold, a warning above half of it', () => {
    expect(failureRateLevel(0, thresholds)).toBe('ok');
    expect(failureRateLevel(0.1, thresholds)).toBe('ok');
    expect(failureRateLevel(0.11, thresholds)).toBe('warning');
    expect(failureRateLevel(0.2, thresholds)).toBe('warning');
    expect(failureRateLevel(0.21, thresholds)).toBe('critical');
  });

  it('follows thresholds from the settings', () => {
    expect(scoreLevel(85, { ...thresholds, healthScoreThreshold: 90 })).toBe('critical');
    expect(failureRateLevel(0.05, { ...thresholds, failureRateThreshold: 0 })).toBe('critical');
  });

  it('never gets better as the score falls', () => {
    const rank = { ok: 0, warning: 1, critical: 2 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b, threshold) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const t = { ...thresholds, healthScoreThreshold: threshold };
        expect(rank[scoreLevel(low, t)]).toBeGreaterThanOrEqual(rank[scoreLevel(high, t)]);
      }),
    );
  });

  it('takes the worse of two levels', () => {
    expect(worseLevel('ok', 'critical')).toBe('critical');
    expect(worseLevel('warning', 'ok')).toBe('warning');
    expect(worseLevel('ok', 'ok')).toBe('ok');
  });
});

describe('health at a replay moment', () => {
  it('counts ended nodes as the core does: skipped ones not, a timeout as a failure counted twice', () => {
    const health = healthFromNodes('5', [
      { status: 'completed', errorCode: null },
      { status: 'completed', errorCode: null },
      { status: 'failed', errorCode: 'EXIT_CODE' },
      { status: 'failed', errorCode: NODE_REASON.timeout },
      { status: 'skipped', errorCode: NODE_REASON.skippedByOperator },
      { status: 'running', errorCode: null },
    ]);
    expect(health).toEqual({ taskId: '5', ended: 4, failed: 2, timedOut: 1, failureRate: 0.5, healthScore: 25 });
  });

  it('is full health before anything ended', () => {
    expect(healthFromNodes('5', [{ status: 'pending', errorCode: null }])).toMatchObject({ healthScore: 100, failureRate: 0 });
  });
});

describe('which health figure to show live', () => {
  const core = { taskId: '5', healthScore: 80, failureRate: 0.2, failed: 1, timedOut: 0, ended: 5 };
  const nodes = { taskId: '5', healthScore: 50, failureRate: 0.5, failed: 2, timedOut: 0, ended: 4 };

  it('takes the core’s figure while it has counted the task', () => {
    expect(pickHealth(core, nodes)).toBe(core);
  });

  it('counts the nodes when the core has not (a restart since the task ended) or could not answer', () => {
    expect(pickHealth({ ...core, ended: 0, failed: 0, healthScore: 100, failureRate: 0 }, nodes)).toBe(nodes);
    expect(pickHealth(null, nodes)).toBe(nodes);
  });
});
