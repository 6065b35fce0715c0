import { healthOf, type TaskHealth } from '../../../../shared/api/alerts';
import type { Settings } from '../../../../shared/settings/settings';
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
 * A task's health from its nodes as they stand, counted as the core's alert monitor counts
 * them (every ended node but skipped ones; a timeout is a failure that counts twice): used
 * while replaying, where the core's figure (always "now") would not match the moment shown.
 */
export function healthFromNodes(taskId: string, nodes: Iterable<Pick<NodeView, 'status' | 'errorCode'>>): TaskHealth {
  let ended = 0;
  let failed = 0;
  let timedOut = 0;
  for (const node of nodes) {
    if (node.status === 'completed') ended += 1;
    else if (node.status === 'failed') {
      ended += 1;
      failed += 1;
      if (node.errorCode === NODE_REASON.timeout) timedOut += 1;
    }
  }
  return healthOf(taskId, { ended, failed, timedOut });
}

/**
 * The core counts a task's ends as they happen, in memory: after a restart it knows nothing of
 * tasks that ended before. Then the nodes' own end states are the better figure.
 */
export function pickHealth(core: TaskHealth | null, fromNodes: TaskHealth): TaskHealth {
  if (core === null || (core.ended === 0 && fromNodes.ended > 0)) return fromNodes;
  return core;
}
