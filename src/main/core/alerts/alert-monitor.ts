import { healthOf, type Alert, type AlertChange, type AlertEvent, type AlertKind, type AlertQuery, type TaskHealth } from '../../../shared/api/alerts';
import type { EngineEvent } from '../../../shared/engine/protocol';
import type { EngineState } from '../../../shared/engine/engine-state';
import type { Id } from '../../../shared/ids';
import type { Settings } from '../../../shared/settings/settings';
import { TERMINAL_TASK_STATUSES } from '../../../shared/status';
import type { TaskChange } from '../../../shared/task/changes';
import { NODE_REASON } from '../../../shared/task/reasons';
import type { Store } from '../store/store';
import { AlertStore, type AlertCondition, type AlertSubject } from './alert-store';
import { nodeEndCounts, resourceShare, taskHealth } from './task-figures';
import { deadlineVerdicts } from './deadline-watch';
import type { Interval } from '../../../shared/forecast/forecast';

export interface AlertMonitorOptions {
  store: Store;
  settings: () => Settings['alerts'];
  /** Every change to an alert, as the live `alert` event carries it. */
  emit: (event: AlertEvent) => void;
  now?: () => number;
  /** A task's forecast finish, for the deadline rule; without it deadlines are not watched. */
  forecastFinish?: (taskId: Id) => Interval;
}

/** Task rules that hold only while the task runs: its end clears them. */
const WHILE_RUNNING: readonly AlertKind[] = ['run-time', 'resource-use', 'deadline-miss'];

/**
 * Turns what the scheduler and the Engine links report into alerts kept in the store, under the
 * switches and thresholds of the alert settings: node failures and timeouts, a lost Engine, a
 * task's failure rate, health score, run time and resource use. A condition that fires again
 * counts on its unresolved alert; one that clears (the node completes, the Engine is back, the
 * task ends or recovers) resolves it.
 */
export class AlertMonitor {
  readonly alerts: AlertStore;
  private readonly settings: () => Settings['alerts'];
  private readonly emit: (event: AlertEvent) => void;
  private readonly now: () => number;
  private readonly engineDown = new Set<string>();
  /** Agents (task and node) whose last sample was above the resource threshold: a sample fires on crossing, not on each one. */
  private readonly hot = new Set<string>();

  constructor(private readonly options: AlertMonitorOptions) {
    this.now = options.now ?? Date.now;
    this.settings = options.settings;
    this.emit = options.emit;
    this.alerts = new AlertStore(options.store, this.now);
  }

  list(query?: AlertQuery): Alert[] {
    return this.alerts.list(query);
  }

  health(taskId: Id): TaskHealth {
    return taskHealth(this.options.store, taskId, this.now(), this.settings().agentMemoryLimitMb);
  }

  /**
   * The one way for other parts of the core to raise an alert: the same condition raised again
   * counts on its unresolved alert.
   */
  raise(subject: AlertSubject): Alert {
    const { alert, change } = this.alerts.fire(subject);
    this.emit({ ...alert, change });
    return alert;
  }

  acknowledge(id: Id, by: string): Alert {
    return this.announce(this.alerts.acknowledge(id, by), 'acknowledged');
  }

  resolve(id: Id, by: string): Alert {
    return this.announce(this.alerts.resolve(id, by), 'resolved');
  }

  onTaskChanges(changes: readonly TaskChange[]): void {
    const settings = this.settings();
    for (const change of changes) {
      let failed = false;
      let ended = false;
      // Asked once per change, and again after a raise: most changes of a healthy task have nothing to clear.
      let unresolved: boolean | undefined;
      const hasUnresolved = (): boolean => (unresolved ??= this.alerts.hasUnresolved(change.taskId));
      for (const node of change.nodes) {
        if (node.status === 'failed') {
          failed = true;
          unresolved = undefined;
          const timedOut = node.errorCode === NODE_REASON.timeout;
          // The node's error code goes along so that the window can word the detail in its language.
          const params = { nodeId: node.nodeId, ...(node.errorMessage ? { detail: node.errorMessage } : {}), ...(node.errorCode ? { detailCode: node.errorCode } : {}) };
          // An onError rule escalated it: raised whatever the failure switches say.
          if (node.errorCode === NODE_REASON.escalated) {
            this.raise({ kind: 'node-escalated', severity: 'critical', taskId: change.taskId, nodeId: node.nodeId, params });
          } else if (timedOut ? settings.onNodeTimeout : settings.onNodeFailure) {
            this.raise({ kind: timedOut ? 'node-timeout' : 'node-failed', severity: 'critical', taskId: change.taskId, nodeId: node.nodeId, params });
          }
        } else if (node.status === 'completed' || node.status === 'skipped') {
          ended = true;
          if (hasUnresolved()) this.clear({ kinds: ['node-failed', 'node-timeout', 'node-escalated'], taskId: change.taskId, nodeId: node.nodeId });
        }
      }
      // The rates worsen only as agents fail; an ending without a failure can only clear a rate alert, if one is open.
      if (failed || (ended && hasUnresolved())) this.checkRates(change.taskId, settings);
      if (change.task && TERMINAL_TASK_STATUSES.includes(change.task.status)) {
        this.clear({ kinds: WHILE_RUNNING, taskId: change.taskId });
        for (const key of this.hot) if (key.startsWith(`${change.taskId}/`)) this.hot.delete(key);
      }
    }
  }

  onEngineStates(states: readonly EngineState[]): void {
    for (const state of states) {
      const name = state.engineId ?? state.endpoint;
      if (state.status === 'down' && !this.engineDown.has(name)) {
        this.engineDown.add(name);
        if (this.settings().onEngineLost) this.raise({ kind: 'engine-lost', severity: 'critical', engine: name, params: { engine: name, ...(state.lastError ? { detail: state.lastError } : {}) } });
      } else if (state.status === 'connected') {
        this.engineDown.delete(name);
        this.clear({ kinds: ['engine-lost'], engine: name });
      }
    }
  }

  /** Resource samples of a task's agents: one above the threshold raises resource-use as it crosses it. */
  onEngineEvents(events: readonly EngineEvent[]): void {
    const settings = this.settings();
    if (!settings.onResourceUse) return;
    for (const event of events) {
      if (event.type !== 'resource.sample' || event.taskId === undefined || event.nodeId === undefined) continue;
      const key = `${event.taskId}/${event.nodeId}`;
      const { use, resource } = resourceShare(event.cpuPercent, event.memoryBytes, settings.agentMemoryLimitMb);
      if (use <= settings.resourceUseThreshold) {
        this.hot.delete(key);
        continue;
      }
      if (this.hot.has(key)) continue;
      this.hot.add(key);
      const engine = event.engineId ?? 'engine';
      this.raise({ kind: 'resource-use', severity: 'warning', taskId: event.taskId, params: { nodeId: event.nodeId, engine, use, resource, threshold: settings.resourceUseThreshold } });
    }
  }

  /** Running tasks past the run-time threshold; called periodically, as time passes without any change. */
  checkRunTimes(): void {
    const settings = this.settings();
    if (!settings.onRunTime) return;
    const thresholdMs = settings.runTimeThresholdMinutes * 60_000;
    const now = this.now();
    const store = this.options.store;
    const running = store.all(
      store.kysely.selectFrom('deduction_task').select(['id', 'start_time']).where('status', '=', 'running').where('start_time', '<', now - thresholdMs),
    );
    for (const task of running) {
      const open = this.alerts.list({ state: ['open', 'acknowledged'], taskId: task.id }).some((alert) => alert.kind === 'run-time');
      if (!open) this.raise({ kind: 'run-time', severity: 'warning', taskId: task.id, params: { elapsedMs: now - task.start_time!, thresholdMs } });
    }
  }

  /**
   * Tasks whose forecast p90 passes their deadline raise deadline-miss (once: later checks
   * refresh how late); a forecast back inside resolves it. Called periodically, as the
   * forecast moves with time even when nothing happens.
   */
  checkDeadlines(): void {
    const finishOf = this.options.forecastFinish;
    if (!finishOf) return;
    for (const verdict of deadlineVerdicts(this.options.store, finishOf)) {
      if (verdict.lateMs <= 0) {
        this.clear({ kinds: ['deadline-miss'], taskId: verdict.taskId });
        continue;
      }
      const params = { deadline: verdict.deadline, p50: verdict.finish.p50, p90: verdict.finish.p90, lateMs: verdict.lateMs };
      const open = this.alerts.list({ state: ['open', 'acknowledged'], taskId: verdict.taskId }).find((alert) => alert.kind === 'deadline-miss');
      if (!open) this.raise({ kind: 'deadline-miss', severity: 'warning', taskId: verdict.taskId, params });
      else this.alerts.refresh(open.id, params);
    }
  }

  private checkRates(taskId: Id, settings: Settings['alerts']): void {
    // Both rules read only the end counts; run time and resource use are the periodic tick's.
    const health = healthOf(taskId, nodeEndCounts(this.options.store, taskId), 0, 0);
    const rules = [
      { kind: 'failure-rate', on: settings.onFailureRate, crossed: health.failureRate > settings.failureRateThreshold, params: { rate: health.failureRate, threshold: settings.failureRateThreshold } },
      { kind: 'health-score', on: settings.onHealthScore, crossed: health.healthScore < settings.healthScoreThreshold, params: { score: health.healthScore, threshold: settings.healthScoreThreshold } },
    ] as const;
    for (const rule of rules) {
      if (rule.crossed && rule.on && health.ended > 0) this.raise({ kind: rule.kind, severity: 'warning', taskId, params: rule.params });
      else if (!rule.crossed) this.clear({ kinds: [rule.kind], taskId });
    }
  }

  private clear(condition: AlertCondition): void {
    for (const alert of this.alerts.clear(condition)) this.emit({ ...alert, change: 'resolved' });
  }

  private announce(alert: Alert, change: AlertChange): Alert {
    this.emit({ ...alert, change });
    return alert;
  }
}
