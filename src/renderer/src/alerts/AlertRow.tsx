import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/api/alerts';
import { errorMessage } from '../common/error-message';
import { formatMoment } from '../common/format';
import { useAlertText } from './alert-text';

interface AlertRowProps {
  alert: Alert;
  now: number;
  unread?: boolean;
  /** Shows the task the alert belongs to (the alert center lists every task's). */
  showTask?: boolean;
  /** Called when the row is chosen; without it the row is plain text. */
  onChoose?: () => void;
  /** Offered on an open alert to an operator; without it there is no button. */
  onAcknowledge?: (id: string) => Promise<void>;
}

/**
 * One alert: severity, time, kind, where (node, Engine, task by name), the core's message; its
 * state, who acknowledged it and when, its escalation level, and what its escalation's webhook
 * or command failed with.
 */
export function AlertRow({ alert, now, unread, showTask, onChoose, onAcknowledge }: AlertRowProps) {
  const { t, i18n } = useTranslation();
  const alertText = useAlertText();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const moment = (time: number) => formatMoment(time, i18n.language, now);
  const acknowledge = onAcknowledge
    ? () => {
        setBusy(true);
        setRefusal(null);
        onAcknowledge(alert.id).then(
          () => setBusy(false),
          (error: unknown) => {
            setBusy(false);
            setRefusal(errorMessage(t, error));
          },
        );
      }
    : undefined;
  const body = (
    <>
      <span className={`alert-severity alert-severity-${alert.severity}`} aria-label={t(`alerts.severity.${alert.severity}`)} title={t(`alerts.severity.${alert.severity}`)}>
        {alert.severity === 'critical' ? '✖' : '▲'}
      </span>
      <span className="alert-main">
        <span className="alert-line">
          <span className="alert-kind">{t(`alerts.kinds.${alert.kind}`)}</span>
          {alert.nodeId && (
            <span className="alert-where" data-verbatim="">
              {alert.nodeId}
            </span>
          )}
          {alert.engine && (
            <span className="alert-where" data-verbatim="">
              {alert.engine}
            </span>
          )}
          {alert.count > 1 && <span className="alert-count muted">{t('alerts.count', { count: alert.count })}</span>}
          <time className="alert-time muted" dateTime={new Date(alert.time).toISOString()}>
            {moment(alert.time)}
          </time>
        </span>
        <span className="alert-message muted">
          {showTask && alert.taskId && <span className="alert-task">{t('alerts.task', { name: alert.taskName ?? alert.taskId })}</span>}
          {alertText(alert)}
        </span>
        <span className="alert-status">
          <span className={`alert-state alert-state-${alert.state}`} data-testid="alert-state">
            {t(`alerts.states.${alert.state}`)}
          </span>
          {alert.state === 'acknowledged' && alert.acknowledgedAt !== null && (
            <span className="muted" data-testid="alert-acknowledged">
              {t('alerts.acknowledgedBy', { name: alert.acknowledgedBy ?? '', when: moment(alert.acknowledgedAt) })}
            </span>
          )}
          {alert.state === 'resolved' && alert.resolvedAt !== null && (
            <span className="muted">{alert.resolvedBy ? t('alerts.resolvedBy', { name: alert.resolvedBy, when: moment(alert.resolvedAt) }) : t('alerts.resolvedItself', { when: moment(alert.resolvedAt) })}</span>
          )}
          {alert.escalationLevel > 0 && (
            <span className="alert-escalation" data-testid="alert-escalation">
              {t('alerts.escalated', { level: alert.escalationLevel })}
            </span>
          )}
        </span>
        {alert.notifyError && <span className="alert-notify-error field-error">{t('alerts.notifyFailed', { error: alert.notifyError })}</span>}
      </span>
    </>
  );
  return (
    <li className={`alert-row${unread ? ' alert-unread' : ''} alert-row-${alert.state}`} data-testid="alert-row">
      {onChoose ? (
        <button type="button" className="alert-choose" onClick={onChoose}>
          {body}
        </button>
      ) : (
        <div className="alert-choose">{body}</div>
      )}
      {acknowledge && alert.state === 'open' && (
        <button type="button" className="alert-ack" disabled={busy} onClick={acknowledge} data-testid="alert-acknowledge">
          {t('alerts.acknowledge')}
        </button>
      )}
      {refusal && (
        <span role="alert" className="field-error">
          {refusal}
        </span>
      )}
    </li>
  );
}
