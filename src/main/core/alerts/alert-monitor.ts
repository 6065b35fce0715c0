import { healthOf, type Alert, type AlertKind, type AlertSeverity, type TaskHealth } from '../../../shared/api/alerts';
import type { EngineState } from '../../../shared/engine/engine-state';
import type { Settings } from '../../../shared/settings/settings';
import type { TaskChange } from '../../../shared/task/changes';
import { NODE_REASON } from '../../../shared/task/reasons';

const KEEP = 500;

interface TaskTally {
  /** Each node's last ended state, so a retried node is counted once, as it ended last. */
  ended: Map<string, 'completed' | 'failed' | 'timeout' | 'skipped'>;
  alerted: Set<'failure-rate' | 'health-score'>;
}

/**
 * Turns what the scheduler and the Engine links report into alerts, under the thresholds and
 * switches of the alert settings: node failures and timeouts, a lost Engine, a task whose
 * failure rate or health score crosses its threshold (once per task until it recovers).
 */
export class AlertMonitor {
  private readonly alerts: Alert[] = [];
  private readonly tallies = new Map<string, TaskTally>();
  private readonly engineDown = new Set<string>();
  private sequence = 0;

  constructor(
    private readonly settings: () => Settings['alerts'],
    private readonly raise: (alert: Alert) => void,
    private readonly now: () => number = Date.now,
  ) {}

  list(): Alert[] {
    return [...this.alerts];
  }

  health(taskId: string): TaskHealth {
    const tally = this.tallies.get(taskId);
    const ends = tally ? [...tally.ended.values()] : [];
    return healthOf(taskId, {
      ended: ends.filter((end) => end !== 'skipped').length,
      failed: ends.filter((end) => end === 'failed' || end === 'timeout').length,
      timedOut: ends.filter((end) => end === 'timeout').length,
    });
  }

  onTaskChanges(changes: readonly TaskChange[]): void {
    const settings = this.settings();
    for (const change of changes) {
      let tally = this.tallies.get(change.taskId);
      if (!tally) this.tallies.set(change.taskId, (tally = { ended: new Map(), alerted: new Set() }));
      for (const node of change.nodes) {
        if (node.status === 'failed') {
          const timedOut = node.errorCode === NODE_REASON.timeout;
          tally.ended.set(node.nodeId, timedOut ? 'timeout' : 'failed');
          // An onError rule escalated it: raised whatever the failure switches say.
          if (node.errorCode === NODE_REASON.escalated) {
            this.add('node-failed', 'critical', change.taskId, node.nodeId, null, `escalated: ${node.nodeId} failed: ${node.errorMessage ?? ''}`);
          } else if (timedOut ? settings.onNodeTimeout : settings.onNodeFailure) {
            const kind: AlertKind = timedOut ? 'node-timeout' : 'node-failed';
            this.add(kind, 'critical', change.taskId, node.nodeId, null, `${node.nodeId} ${timedOut ? 'timed out' : 'failed'}${node.errorMessage ? `: ${node.errorMessage}` : ''}`);
          }
        } else if (node.status === 'completed' || node.status === 'skipped') {
          tally.ended.set(node.nodeId, node.status);
        } else {
          tally.ended.delete(node.nodeId);
        }
      }
      this.checkThresholds(change.taskId, tally, settings);
    }
  }

  onEngineStates(states: readonly EngineState[]): void {
    for (const state of states) {
      const name = state.engineId ?? state.endpoint;
      if (state.status === 'down' && !this.engineDown.has(name)) {
        this.engineDown.add(name);
        if (this.settings().onEngineLost) this.add('engine-lost', 'critical', null, null, name, `Engine ${name} is lost${state.lastError ? `: ${state.lastError}` : ''}`);
      } else if (state.status === 'connected') {
        this.engineDown.delete(name);
      }
    }
  }

  private checkThresholds(taskId: string, tally: TaskTally, settings: Settings['alerts']): void {
    const health = this.health(taskId);
    const checks = [
      ['failure-rate', health.failureRate > settings.failureRateThreshold, `failure rate ${(health.failureRate * 100).toFixed(0)}% is above ${(settings.failureRateThreshold * 100).toFixed(0)}%`],
      ['health-score', health.healthScore < settings.healthScoreThreshold, `health score ${health.healthScore} is below ${settings.healthScoreThreshold}`],
    ] as const;
    for (const [kind, crossed, words] of checks) {
      if (crossed && !tally.alerted.has(kind)) {
        tally.alerted.add(kind);
        this.add(kind, 'warning', taskId, null, null, `task ${taskId}: ${words}`);
      } else if (!crossed) {
        tally.alerted.delete(kind);
      }
    }
  }

  private add(kind: AlertKind, severity: AlertSeverity, taskId: string | null, nodeId: string | null, engine: string | null, message: string): void {
    const alert: Alert = { id: String(++this.sequence), time: this.now(), kind, severity, taskId, nodeId, engine, message };
    this.alerts.push(alert);
    if (this.alerts.length > KEEP) this.alerts.splice(0, this.alerts.length - KEEP);
    this.raise(alert);
  }
}
