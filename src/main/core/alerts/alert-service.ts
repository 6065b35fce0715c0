import type { AlertEvent } from '../../../shared/api/alerts';
import { errorText } from '../../../shared/error-text';
import type { Logger } from '../../../shared/logger';
import type { Settings } from '../../../shared/settings/settings';
import type { Store } from '../store/store';
import { AlertEscalator, type AlertActions } from './alert-escalator';
import { AlertMonitor, type AlertMonitorOptions } from './alert-monitor';
import { systemIntervalClock, type IntervalClock } from '../clock/interval-clock';

/** How often run times, escalations and retention are looked at. */
export const ALERT_TICK_MS = 30_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface AlertServiceOptions {
  store: Store;
  settings: () => Settings['alerts'];
  emit: (event: AlertEvent) => void;
  logger: Logger;
  clock?: IntervalClock;
  tickMs?: number;
  actions?: AlertActions;
  forecastFinish?: AlertMonitorOptions['forecastFinish'];
}

export interface AlertService {
  monitor: AlertMonitor;
  escalator: AlertEscalator;
  /** One round of the periodic work: run times, deadlines, escalations, and (hourly) pruning of resolved alerts. */
  tick(): Promise<void>;
  stop(): void;
}

/** The alert rules, their escalation and their retention, on one timer. */
export function startAlertService(options: AlertServiceOptions): AlertService {
  const clock = options.clock ?? systemIntervalClock;
  const monitor = new AlertMonitor({ store: options.store, settings: options.settings, emit: options.emit, now: () => clock.now(), ...(options.forecastFinish ? { forecastFinish: options.forecastFinish } : {}) });
  const escalator = new AlertEscalator({ alerts: monitor.alerts, settings: options.settings, emit: options.emit, logger: options.logger, ...(options.actions ? { actions: options.actions } : {}) });
  let prunedAt = -Infinity;
  const tick = async () => {
    try {
      monitor.checkRunTimes();
      monitor.checkDeadlines();
      if (clock.now() - prunedAt >= PRUNE_EVERY_MS) {
        const { keepDays, keepCount } = options.settings().retention;
        monitor.alerts.prune(keepDays, keepCount);
        prunedAt = clock.now();
      }
      await escalator.tick();
    } catch (error) {
      options.logger.error(`alerts: ${errorText(error)}`);
    }
  };
  const handle = clock.setInterval(() => void tick(), options.tickMs ?? ALERT_TICK_MS);
  return { monitor, escalator, tick, stop: () => clock.clearInterval(handle) };
}
