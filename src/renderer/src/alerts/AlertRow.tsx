import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/api/alerts';
import { formatMoment } from '../common/format';

interface AlertRowProps {
  alert: Alert;
  now: number;
  unread?: boolean;
  /** Shows the task the alert belongs to (the alert center lists every task's). */
  showTask?: boolean;
  /** Called when the row is chosen; without it the row is plain text. */
  onChoose?: () => void;
}

/** One alert: severity, time, kind, where (node, Engine, task) and the core's message. */
export function AlertRow({ alert, now, unread, showTask, onChoose }: AlertRowProps) {
  const { t, i18n } = useTranslation();
  const body = (
    <>
      <span className={`alert-severity alert-severity-${alert.severity}`} aria-label={t(`alerts.severity.${alert.severity}`)} title={t(`alerts.severity.${alert.severity}`)}>
        {alert.severity === 'critical' ? '✖' : '▲'}
      </span>
      <span className="alert-main">
        <span className="alert-line">
          <span className="alert-kind">{t(`alerts.kinds.${alert.kind}`)}</span>
          {alert.nodeId && <span className="alert-where">{alert.nodeId}</span>}
          {alert.engine && <span className="alert-where">{alert.engine}</span>}
          <time className="alert-time muted" dateTime={new Date(alert.time).toISOString()}>
            {formatMoment(alert.time, i18n.language, now)}
          </time>
        </span>
        <span className="alert-message muted">
          {showTask && alert.taskId && <span className="alert-task">{t('alerts.task', { taskId: alert.taskId })}</span>}
          {alert.message}
        </span>
      </span>
    </>
  );
  return (
    <li className={`alert-row${unread ? ' alert-unread' : ''}`} data-testid="alert-row">
      {onChoose ? (
        <button type="button" className="alert-choose" onClick={onChoose}>
          {body}
        </button>
      ) : (
        <div className="alert-choose">{body}</div>
      )}
    </li>
  );
}
