import type { Id } from '../ids';

export const ALERT_KINDS = ['node-failed', 'node-timeout', 'engine-lost', 'failure-rate', 'health-score'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = 'critical' | 'warning';

export interface Alert {
  /** Increasing within one run of the console. */
  id: string;
  time: number;
  kind: AlertKind;
  severity: AlertSeverity;
  taskId: Id | null;
  nodeId: string | null;
  engine: string | null;
  message: string;
}

/**
 * How a task is doing, from the IT-ops design: the failure rate is the share of ended agents
 * that failed; the health score (0–100) starts at 100 and loses the failure rate's share,
 * and the share of nodes lost to timeouts counts double.
 */
export interface TaskHealth {
  taskId: Id;
  healthScore: number;
  failureRate: number;
  failed: number;
  timedOut: number;
  ended: number;
}

export function healthOf(taskId: Id, counts: { ended: number; failed: number; timedOut: number }): TaskHealth {
  const failureRate = counts.ended === 0 ? 0 : counts.failed / counts.ended;
  const timeoutRate = counts.ended === 0 ? 0 : counts.timedOut / counts.ended;
  const healthScore = Math.max(0, Math.round(100 * (1 - failureRate - timeoutRate)));
  return { taskId, healthScore, failureRate, ...counts };
}
