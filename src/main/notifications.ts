import { Notification } from 'electron';
import type { AlertEvent } from '../shared/api/alerts';
import { notifiesDesktop } from '../shared/alerts/alert-notify';
import type { ConsoleRuntime } from './core/runtime';

/** Shows each new or escalated alert as a desktop notification while the alert settings ask for them. */
export function notifyAlerts(runtime: ConsoleRuntime): () => void {
  return runtime.events.subscribe('alert', (alert: AlertEvent) => {
    if (!notifiesDesktop(alert)) return;
    void runtime.api.getSettings().then((settings) => {
      if (!settings.alerts.desktopNotifications || !Notification.isSupported()) return;
      const escalated = alert.change === 'escalated' ? ` (escalated to level ${alert.escalationLevel})` : '';
      const where = alert.taskName ? `${alert.taskName}: ` : '';
      new Notification({ title: `Deduction Console: ${alert.kind.replace('-', ' ')}${escalated}`, body: `${where}${alert.message}`, urgency: alert.severity === 'critical' || alert.change === 'escalated' ? 'critical' : 'normal' }).show();
    });
  });
}
