import { Notification } from 'electron';
import type { Alert } from '../shared/api/alerts';
import type { ConsoleRuntime } from './core/runtime';

/** Shows each alert as a desktop notification while the alert settings ask for them. */
export function notifyAlerts(runtime: ConsoleRuntime): () => void {
  return runtime.events.subscribe('alert', (alert: Alert) => {
    void runtime.api.getSettings().then((settings) => {
      if (!settings.alerts.desktopNotifications || !Notification.isSupported()) return;
      new Notification({ title: `Deduction Console: ${alert.kind.replace('-', ' ')}`, body: alert.message, urgency: alert.severity === 'critical' ? 'critical' : 'normal' }).show();
    });
  });
}
