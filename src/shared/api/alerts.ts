import { z } from 'zod';
import { idSchema, type Id } from '../ids';
import { analyzeTask, type TaskAnalysis } from '../alerts/task-analysis';

/**
 * What an alert is about, one rule each: node failures and timeouts, a lost Engine, a task's
 * failure rate, health score, run time or resource use past its threshold, and a node the
 * recovery handlers hand to an operator, and a task whose forecast (p90) finishes past its deadline.
 */
export const ALERT_KINDS = ['node-failed', 'node-timeout', 'node-escalated', 'engine-lost', 'failure-rate', 'health-score', 'run-time', 'resource-use', 'needs-operator', 'backup-failed', 'deadline-miss'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** open: nobody has taken it; acknowledged: someone has; resolved: its condition cleared, or an operator closed it. */
export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** What happened to an alert, as its live event says: the window and the desktop notify on raised and escalated. */
export const ALERT_CHANGES = ['raised', 'repeated', 'acknowledged', 'resolved', 'escalated', 'notified'] as const;
export type AlertChange = (typeof ALERT_CHANGES)[number];

export type AlertParams = Record<string, string | number>;

export interface Alert {
  id: Id;
  kind: AlertKind;
  severity: AlertSeverity;
  state: AlertState;
  /** 0 until escalated; one more for each escalation period it stayed unacknowledged. */
  escalationLevel: number;
  taskId: Id | null;
  /** The task's name, for naming it to people. */
  taskName: string | null;
  nodeId: string | null;
  engine: string | null;
  /** The values its wording places (alertMessage). */
  params: AlertParams;
  /** English wording, built from kind and params. */
  message: string;
  /** How many times the condition fired while this alert was not resolved. */
  count: number;
  /** When it was raised. */
  time: number;
  lastFiredAt: number;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  /** Who resolved it; null when its condition cleared by itself. */
  resolvedBy: string | null;
  escalatedAt: number | null;
  /** Why the last escalation's webhook or command failed, if it did. */
  notifyError: string | null;
}

/** The live event: the alert as it is now, and what just happened to it. */
export type AlertEvent = Alert & { change: AlertChange };

export const alertQuerySchema = z.strictObject({
  state: z.array(z.enum(ALERT_STATES)).min(1).max(ALERT_STATES.length).optional(),
  taskId: idSchema.optional(),
  limit: z.int().min(1).max(5000).optional(),
});
export type AlertQuery = z.infer<typeof alertQuerySchema>;

/** Node counts of a task: ended (completed or failed, skipped ones aside), failed, and of those timed out. */
export interface NodeEndCounts {
  ended: number;
  failed: number;
  timedOut: number;
}

/** A task's figures and the design's analysis of them (see shared/alerts/task-analysis.ts). */
export interface TaskHealth extends TaskAnalysis, NodeEndCounts {
  taskId: Id;
  failureRate: number;
  executionTimeMs: number;
  resourceUse: number;
}

export function healthOf(taskId: Id, counts: NodeEndCounts, executionTimeMs: number, resourceUse: number): TaskHealth {
  const failureRate = counts.ended === 0 ? 0 : counts.failed / counts.ended;
  const analysis = analyzeTask({ errorCount: counts.failed, executionTimeMs, errorRate: failureRate, resourceUse });
  return { taskId, ...counts, failureRate, executionTimeMs, resourceUse, ...analysis };
}
