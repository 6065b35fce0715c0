import { healthOf, type TaskHealth } from '../../../../shared/api/alerts';
import type { Settings } from '../../../../shared/settings/settings';
import type { RiskLevel } from '../../../../shared/alerts/task-analysis';
import type { NodeView } from '../../../../shared/task/nodes';
import { NODE_REASON } from '../../../../shared/task/reasons';

export const HEALTH_LEVELS = ['ok', 'warning', 'critical'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

type Thresholds = Pick<Settings['alerts'], 'healthScoreThreshold' | 'failureRateThreshold'>;

/**
 * Past the threshold is critical (that is where the core raises an alert); the warning band
 * is the first half of the way there, so an operator sees a task slide before it alerts.
 */
export function scoreLevel(score: number, { healthScoreThreshold }: Thresholds): HealthLevel {
  if (score < healthScoreThreshold) return 'critical';
  if (score < healthScoreThreshold + (100 - healthScoreThreshold) / 2) return 'warning';
  return 'ok';
}

export function failureRateLevel(rate: number, { failureRateThreshold }: Thresholds): HealthLevel {
  if (rate > failureRateThreshold) return 'critical';
  if (rate > failureRateThreshold / 2) return 'warning';
  return 'ok';
}

export function worseLevel(a: HealthLevel, b: HealthLevel): HealthLevel {
  return HEALTH_LEVELS.indexOf(a) >= HEALTH_LEVELS.indexOf(b) ? a : b;
}

/**
 * A task's health from its agents as they stand at a replay moment, counted as the core counts
 * them (ended: completed or failed; a timeout is one of the failed), and analysed by the same
 * shared formulas; resource use is not replayed, so it counts as none.
 */
export function healthFromNodes(taskId: string, nodes: Iterable<Pick<NodeView, 'nodeType' | 'status' | 'errorCode'>>, executionTimeMs: number): TaskHealth {
  let ended = 0;
  let failed = 0;
  let timedOut = 0;
  for (const node of nodes) {
    if (node.nodeType !== 'agent') continue;
    if (node.status === 'completed') ended += 1;
    else if (node.status === 'failed') {
      ended += 1;
      failed += 1;
      if (node.errorCode === NODE_REASON.timeout) timedOut += 1;
    }
  }
  return healthOf(taskId, { ended, failed, timedOut }, executionTimeMs, 0);
}

/** How long a task had run by `at` (or by now while it runs). */
export function executionTimeAt(task: { startTime: number | null; endTime: number | null }, at: number): number {
  if (task.startTime === null) return 0;
  return Math.max(0, Math.min(task.endTime ?? at, at) - task.startTime);
}

/** Below 80 the design recommends more resources or a better flow; below 50 it is critical. */
export function performanceLevel(score: number): HealthLevel {
  if (score < 50) return 'critical';
  if (score < 80) return 'warning';
  return 'ok';
}

export const RISK_LEVEL_TONE: Record<RiskLevel, HealthLevel> = { low: 'ok', medium: 'warning', high: 'critical' };
