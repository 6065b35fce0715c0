import type { Alert, AlertKind, AlertParams, AlertSeverity, AlertState } from '../alerts';
import type { Id } from '../../ids';
import { isoTime } from './iso-time';

/** An alert as the REST API answers it: snake_case fields, ISO 8601 times. */
export interface RestAlert {
  alert_id: Id;
  rule: AlertKind;
  severity: AlertSeverity;
  state: AlertState;
  escalation_level: number;
  task_id: Id | null;
  task_name: string | null;
  node_id: string | null;
  engine_id: string | null;
  message: string;
  params: AlertParams;
  count: number;
  raised_at: string;
  last_fired_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  escalated_at: string | null;
  notify_error: string | null;
}

export function alertAnswer(alert: Alert): RestAlert {
  return {
    alert_id: alert.id,
    rule: alert.kind,
    severity: alert.severity,
    state: alert.state,
    escalation_level: alert.escalationLevel,
    task_id: alert.taskId,
    task_name: alert.taskName,
    node_id: alert.nodeId,
    engine_id: alert.engine,
    message: alert.message,
    params: alert.params,
    count: alert.count,
    raised_at: isoTime(alert.time)!,
    last_fired_at: isoTime(alert.lastFiredAt)!,
    acknowledged_by: alert.acknowledgedBy,
    acknowledged_at: isoTime(alert.acknowledgedAt),
    resolved_by: alert.resolvedBy,
    resolved_at: isoTime(alert.resolvedAt),
    escalated_at: isoTime(alert.escalatedAt),
    notify_error: alert.notifyError,
  };
}
