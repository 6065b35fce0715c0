import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executionTimeAt, failureRateLevel, healthFromNodes, performanceLevel, scoreLevel, worseLevel } from '../../../src/renderer/src/alerts/model/health-level';
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
  const agent = (status: string, errorCode: string | null = null) => ({ nodeType: 'agent' as const, status: status as never, errorCode });

  it('counts ended agents as the core does (skipped ones and containers not, a timeout among the failed) and analyses them with the shared formulas', () => {
    const health = healthFromNodes(
      '5',
      [
        agent('completed'),
        agent('completed'),
        agent('failed', 'EXIT_CODE'),
        agent('failed', NODE_REASON.timeout),
        agent('skipped', NODE_REASON.skippedByOperator),
        agent('running'),
        { nodeType: 'container', status: 'failed', errorCode: null },
      ],
      2 * 3_600_000,
    );
    expect(health).toEqual({
      taskId: '5',
      ended: 4,
      failed: 2,
      timedOut: 1,
      failureRate: 0.5,
      executionTimeMs: 2 * 3_600_000,
      resourceUse: 0,
      // 100 − 2 errors · 10
      healthScore: 80,
      // 100 − 20 (an hour over) − 40 (45 points over 5%: at most 40)
      performanceScore: 40,
      riskLevel: 'low',
      recommendations: ['optimizeOrAddResources'],
    });
  });

  it('is full health before anything ended', () => {
    expect(healthFromNodes('5', [agent('pending')], 0)).toMatchObject({ healthScore: 100, performanceScore: 100, failureRate: 0, riskLevel: 'low', recommendations: [] });
  });

  it('measures the run time up to the replay moment, or the end when the task ended before it', () => {
    expect(executionTimeAt({ startTime: 1000, endTime: null }, 4000)).toBe(3000);
    expect(executionTimeAt({ startTime: 1000, endTime: 2000 }, 4000)).toBe(1000);
    expect(executionTimeAt({ startTime: null, endTime: null }, 4000)).toBe(0);
  });
});

describe('performance levels', () => {
  it('warns below 80, where the design recommends more resources, and is critical below 50', () => {
    expect([100, 80, 79, 50, 49, 0].map(performanceLevel)).toEqual(['ok', 'ok', 'warning', 'warning', 'critical', 'critical']);
  });
});
