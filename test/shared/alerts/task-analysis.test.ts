import { describe, expect, it } from 'vitest';
import { healthOf } from '../../../src/shared/api/alerts';
import { analyzeTask, type TaskAnalysis, type TaskMetrics } from '../../../src/shared/alerts/task-analysis';

const HOUR = 3_600_000;
const calm: TaskMetrics = { errorCount: 0, executionTimeMs: 0, errorRate: 0, resourceUse: 0 };

describe('the IT-ops design’s analysis, over hand-computed cases', () => {
  const cases: [string, Partial<TaskMetrics>, TaskAnalysis][] = [
    ['nothing wrong', {}, { healthScore: 100, performanceScore: 100, riskLevel: 'low', recommendations: [] }],
    ['one error: 100 − 10', { errorCount: 1 }, { healthScore: 90, performanceScore: 100, riskLevel: 'low', recommendations: [] }],
    ['two errors: 80 is still low risk', { errorCount: 2 }, { healthScore: 80, performanceScore: 100, riskLevel: 'low', recommendations: [] }],
    ['three errors: 70, medium, check the logs', { errorCount: 3 }, { healthScore: 70, performanceScore: 100, riskLevel: 'medium', recommendations: ['checkErrorLogs'] }],
    ['twelve errors lose at most 50', { errorCount: 12 }, { healthScore: 50, performanceScore: 100, riskLevel: 'medium', recommendations: ['checkErrorLogs'] }],
    ['exactly 1 h costs nothing', { executionTimeMs: HOUR }, { healthScore: 100, performanceScore: 100, riskLevel: 'low', recommendations: [] }],
    ['1.5 h: −(0.5 h / 1 h · 20) = −10', { executionTimeMs: 1.5 * HOUR }, { healthScore: 100, performanceScore: 90, riskLevel: 'low', recommendations: [] }],
    ['2.5 h: −30, below 80', { executionTimeMs: 2.5 * HOUR }, { healthScore: 100, performanceScore: 70, riskLevel: 'low', recommendations: ['optimizeOrAddResources'] }],
    ['10 h: time costs at most 40', { executionTimeMs: 10 * HOUR }, { healthScore: 100, performanceScore: 60, riskLevel: 'low', recommendations: ['optimizeOrAddResources'] }],
    ['error rate 5% costs nothing', { errorRate: 0.05 }, { healthScore: 100, performanceScore: 100, riskLevel: 'low', recommendations: [] }],
    ['error rate 10%: −(0.05 · 200) = −10', { errorRate: 0.1 }, { healthScore: 100, performanceScore: 90, riskLevel: 'low', recommendations: [] }],
    ['error rate 50%: at most −40', { errorRate: 0.5 }, { healthScore: 100, performanceScore: 60, riskLevel: 'low', recommendations: ['optimizeOrAddResources'] }],
    ['resource use 90%: −(0.1 · 100) = −10', { resourceUse: 0.9 }, { healthScore: 100, performanceScore: 90, riskLevel: 'low', recommendations: [] }],
    ['resource use 150%: at most −20', { resourceUse: 1.5 }, { healthScore: 100, performanceScore: 80, riskLevel: 'low', recommendations: [] }],
    [
      'everything at once: 100 − 40 − 40 − 20 = 0',
      { errorCount: 6, executionTimeMs: 5 * HOUR, errorRate: 0.6, resourceUse: 1 },
      { healthScore: 50, performanceScore: 0, riskLevel: 'medium', recommendations: ['checkErrorLogs', 'optimizeOrAddResources'] },
    ],
    [
      '1.25 h, 7%, 85%: 100 − 5 − 4 − 5 = 86',
      { errorCount: 1, executionTimeMs: 1.25 * HOUR, errorRate: 0.07, resourceUse: 0.85 },
      { healthScore: 90, performanceScore: 86, riskLevel: 'low', recommendations: [] },
    ],
  ];
  it.each(cases)('%s', (_name, metrics, expected) => {
    const analysis = analyzeTask({ ...calm, ...metrics });
    expect({ ...analysis, performanceScore: Math.round(analysis.performanceScore * 1e9) / 1e9 }).toEqual(expected);
  });

  it('judges a task from its node counts: failed ones are the errors, and their share of the ended ones the error rate', () => {
    expect(healthOf('7', { ended: 10, failed: 3, timedOut: 1 }, 2 * HOUR, 0.5)).toEqual({
      taskId: '7',
      ended: 10,
      failed: 3,
      timedOut: 1,
      failureRate: 0.3,
      executionTimeMs: 2 * HOUR,
      resourceUse: 0.5,
      healthScore: 70,
      // 100 − 20 (an hour over) − 40 (25 points over 5%, at most 40)
      performanceScore: 40,
      riskLevel: 'medium',
      recommendations: ['checkErrorLogs', 'optimizeOrAddResources'],
    });
  });
});
