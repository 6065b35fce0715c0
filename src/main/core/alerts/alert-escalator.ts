import type { AlertEvent } from '../../../shared/api/alerts';
import { errorText } from '../../../shared/error-text';
import type { Logger } from '../../../shared/logger';
import type { Settings } from '../../../shared/settings/settings';
import { postWebhook, runAlertCommand } from './alert-actions';
import type { AlertStore } from './alert-store';

/** What the escalator calls out to; tests put recorders here. */
export interface AlertActions {
  postWebhook: typeof postWebhook;
  runCommand: typeof runAlertCommand;
}

export interface AlertEscalatorOptions {
  alerts: AlertStore;
  settings: () => Settings['alerts'];
  emit: (event: AlertEvent) => void;
  logger: Logger;
  actions?: AlertActions;
}

/**
 * Takes an alert nobody acknowledged one level up each escalation period (recorded on the
 * alert), announces it (the window and the desktop shell notify on `escalated`), and calls the
 * configured webhook and command. What they fail with is logged and kept on the alert; it
 * never stops the escalation of the others.
 */
export class AlertEscalator {
  private readonly actions: AlertActions;
  private running: Promise<void> | null = null;

  constructor(private readonly options: AlertEscalatorOptions) {
    this.actions = options.actions ?? { postWebhook, runCommand: runAlertCommand };
  }

  /** One pass; a pass still calling out when the next is due is waited for, not overlapped. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    const { escalation } = this.options.settings();
    if (!escalation.enabled) return;
    const due = this.options.alerts.dueForEscalation(escalation.afterMinutes * 60_000, escalation.maxLevel);
    await Promise.all(
      due.map(async (before) => {
        const alert = this.options.alerts.escalate(before.id, before.escalationLevel);
        if (!alert) return;
        this.options.emit({ ...alert, change: 'escalated' });
        const failures: string[] = [];
        const call = async (what: () => Promise<void>) => {
          try {
            await what();
          } catch (error) {
            failures.push(errorText(error));
          }
        };
        await Promise.all([
          escalation.webhookUrl ? call(() => this.actions.postWebhook(escalation.webhookUrl!, alert, escalation.webhookTimeoutMs)) : null,
          escalation.command.length > 0 ? call(() => this.actions.runCommand(escalation.command, alert, escalation.commandTimeoutMs)) : null,
        ]);
        if (failures.length === 0) return;
        const text = failures.join('; ');
        this.options.logger.warn(`alert ${alert.id} escalated to level ${alert.escalationLevel}: ${text}`);
        this.options.emit({ ...this.options.alerts.setNotifyError(alert.id, text), change: 'notified' });
      }),
    );
  }
}
