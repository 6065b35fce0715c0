import type { Alert } from '../../../shared/api/alerts';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { Settings } from '../../../shared/settings/settings';
import { mergeAlerts } from './model/alert-list';
import type { Failure } from '../common/error-message';

export interface AlertsSnapshot {
  /** Newest first. */
  alerts: Alert[];
  settings: Settings['alerts'] | null;
  failure: Failure | null;
}


/**
 * One list of alerts and one copy of the alert settings per console connection, shared by
 * the header's alert center and every task's alert panel: one subscription, and a threshold
 * saved in the settings dialog recolours the panels at once.
 */
export class AlertsStore {
  private snapshot: AlertsSnapshot = { alerts: [], settings: null, failure: null };
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | null = null;

  constructor(private readonly client: ConsoleClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.stop) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stop?.();
        this.stop = null;
      }
    };
  };

  getSnapshot = (): AlertsSnapshot => this.snapshot;

  /** Acknowledges an alert as this session's operator; the core's answer replaces the alert in the list. */
  async acknowledge(id: string): Promise<void> {
    const alert = await this.client.acknowledgeAlert(id);
    this.set({ alerts: mergeAlerts(this.snapshot.alerts, [alert]) });
  }

  /** Saves new alert settings; the core's answer (or its refusal) is what the store then holds. */
  async saveSettings(alerts: Settings['alerts']): Promise<void> {
    const settings = await this.client.updateSettings({ alerts });
    this.set({ settings: settings.alerts });
  }

  private start(): void {
    const off = this.client.subscribe(
      'alert',
      (alert) => this.set({ alerts: mergeAlerts(this.snapshot.alerts, [alert]) }),
      () => this.load(),
    );
    this.stop = off;
    this.load();
    this.client.getSettings().then(
      (settings) => this.set({ settings: settings.alerts }),
      (error: unknown) => this.set({ failure: { error } }),
    );
  }

  /** The kept alerts, read afresh (at start, and when live events may have been missed). */
  private load(): void {
    this.client.listAlerts().then(
      (alerts) => this.set({ alerts: mergeAlerts(this.snapshot.alerts, alerts), failure: null }),
      (error: unknown) => this.set({ failure: { error } }),
    );
  }

  private set(patch: Partial<AlertsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<ConsoleClient, AlertsStore>();

export function alertsStoreFor(client: ConsoleClient): AlertsStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = new AlertsStore(client)));
  return store;
}
