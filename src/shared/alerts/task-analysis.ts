/**
 * The IT-ops design's analysis of a task (流程狀態監控 and 性能指標追蹤), computed here once
 * for the window, the run report and the alert rules.
 */

/** The design's PerformanceMetricsTracker thresholds. */
export const PERFORMANCE_THRESHOLDS = {
  executionTimeMs: 3_600_000,
  errorRate: 0.05,
  resourceUse: 0.8,
} as const;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Recommendations as keys; the window words them (alerts.recommendations.<key>). */
export const RECOMMENDATIONS = ['checkErrorLogs', 'optimizeOrAddResources'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface TaskMetrics {
  /** Nodes that ended in failure (timeouts included): the design's error_count. */
  errorCount: number;
  executionTimeMs: number;
  /** Share of ended nodes that failed, 0–1. */
  errorRate: number;
  /** The task's agents' highest share of CPU or memory, 0–1 (and more when over). */
  resourceUse: number;
}

export interface TaskAnalysis {
  healthScore: number;
  performanceScore: number;
  riskLevel: RiskLevel;
  recommendations: Recommendation[];
}

/** 100, less 10 per error, at most 50 lost. */
export function healthScore(errorCount: number): number {
  return 100 - Math.min(Math.max(0, errorCount) * 10, 50);
}

/** 100, less a penalty for each threshold passed (time up to 40, errors up to 40, resources up to 20); never below 0. */
export function performanceScore(metrics: Omit<TaskMetrics, 'errorCount'>): number {
  const t = PERFORMANCE_THRESHOLDS;
  let score = 100;
  if (metrics.executionTimeMs > t.executionTimeMs) score -= Math.min(((metrics.executionTimeMs - t.executionTimeMs) / 3_600_000) * 20, 40);
  if (metrics.errorRate > t.errorRate) score -= Math.min((metrics.errorRate - t.errorRate) * 200, 40);
  if (metrics.resourceUse > t.resourceUse) score -= Math.min((metrics.resourceUse - t.resourceUse) * 100, 20);
  return Math.max(score, 0);
}

export function riskLevel(health: number): RiskLevel {
  if (health < 50) return 'high';
  if (health < 80) return 'medium';
  return 'low';
}

export function analyzeTask(metrics: TaskMetrics): TaskAnalysis {
  const health = healthScore(metrics.errorCount);
  const performance = performanceScore(metrics);
  const recommendations: Recommendation[] = [];
  if (health < 80) recommendations.push('checkErrorLogs');
  if (performance < 80) recommendations.push('optimizeOrAddResources');
  return { healthScore: health, performanceScore: performance, riskLevel: riskLevel(health), recommendations };
}
