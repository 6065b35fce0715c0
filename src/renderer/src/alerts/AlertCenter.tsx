import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import { AlertRow } from './AlertRow';
import './alerts.css';
import { alertsStoreFor } from './alerts-store';
import { AlertSettingsDialog } from './AlertSettingsDialog';
import { inElectron, notificationContext, notificationPermission, requestNotificationPermission } from './browser-notifications';
import { alertKey, isUnread, markAllRead, unreadCount } from './model/alert-list';
import { shouldNotifyInBrowser, shouldOfferPermission } from './model/notification-policy';
import { loadReadMark, storeReadMark } from './read-mark-storage';
import { useAlerts } from './use-alerts';
import { notifiesDesktop } from '../../../shared/alerts/alert-notify';
import { useSessionRole } from '../shell/use-session-role';
import { useNow } from '../common/use-now';
import { LoadFailed } from '../common/LoadFailed';
import { useAlertText } from './alert-text';

interface AlertCenterProps {
  client: ConsoleClient;
  /** Opens a task's monitor, at the node the alert is about when it names one. */
  onOpenTask?: (taskId: string, nodeId: string | null) => void;
}

/**
 * The header's bell: how many alerts the operator has not seen, the list of all of them, the
 * alert settings; and, in a browser, each new alert as a desktop notification when enabled.
 */
export function AlertCenter({ client, onOpenTask }: AlertCenterProps) {
  const { t } = useTranslation();
  const { alerts, settings, failure } = useAlerts(client);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [mark, setMark] = useState(loadReadMark);
  /** The mark as it was when the list opened, so what was new stays highlighted while it is open. */
  const [seenBefore, setSeenBefore] = useState(mark);
  const [permission, setPermission] = useState(notificationPermission);
  const rootRef = useRef<HTMLDivElement>(null);
  const wordAlert = useAlertText();
  const alertText = useRef(wordAlert);
  useEffect(() => {
    alertText.current = wordAlert;
  });
  const now = useNow(true, 60_000);
  const operator = useSessionRole(client) === 'operator';
  const unread = unreadCount(alerts, mark);
  const enabled = settings?.desktopNotifications ?? false;
  const context = { enabled, inElectron: inElectron(), permission };

  useEffect(() => {
    if (!enabled) return;
    return client.subscribe('alert', (alert) => {
      if (!notifiesDesktop(alert) || !shouldNotifyInBrowser(notificationContext(true))) return;
      const title = alert.change === 'escalated' ? t('alerts.notificationEscalated', { kind: t(`alerts.kinds.${alert.kind}`), level: alert.escalationLevel }) : t('alerts.notificationTitle', { kind: t(`alerts.kinds.${alert.kind}`) });
      const where = alert.taskName ? `${t('alerts.task', { name: alert.taskName })}: ` : '';
      new Notification(title, { body: `${where}${alertText.current(alert)}`, tag: `${alertKey(alert)}/${alert.escalationLevel}` });
    });
  }, [client, enabled, t]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const readAll = () => {
    const next = markAllRead(alerts, mark);
    setMark(next);
    storeReadMark(next);
  };
  const toggle = () => {
    if (!open) setSeenBefore(mark);
    // Closing marks what arrived while the list was open as seen too.
    readAll();
    setOpen(!open);
  };

  return (
    <div
      className="alert-center"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          readAll();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className={`alert-bell${unread > 0 ? ' alert-bell-unread' : ''}`}
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t('alerts.center.bell', { count: unread })}
        title={t('alerts.center.bell', { count: unread })}
        data-testid="alert-bell"
        onClick={toggle}
      >
        <svg className="alert-bell-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6Z" />
          <path d="M9.5 18.5a2.5 2.5 0 0 0 5 0" />
        </svg>
        {unread > 0 && (
          <span className="alert-badge" data-testid="alert-unread">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="alert-dropdown" role="dialog" aria-label={t('alerts.center.title')} data-testid="alert-dropdown">
          <header className="alert-dropdown-header">
            <h2>{t('alerts.center.title')}</h2>
            <button type="button" disabled={!settings} onClick={() => setEditing(true)} data-testid="alert-settings-open">
              {t('alerts.center.settings')}
            </button>
          </header>
          <LoadFailed failure={failure} message="alerts.loadFailed" />
          {shouldOfferPermission(context) && (
            <p className="alert-permission">
              <span className="muted">{t('alerts.center.permissionNeeded')}</span>
              <button type="button" onClick={() => void requestNotificationPermission().then(setPermission)}>
                {t('alerts.center.allow')}
              </button>
            </p>
          )}
          {enabled && !context.inElectron && context.permission === 'denied' && <p className="alert-permission muted">{t('alerts.center.permissionDenied')}</p>}
          {alerts.length === 0 ? (
            <p className="alerts-empty muted">{t('alerts.center.none')}</p>
          ) : (
            <ul className="alert-list alert-dropdown-list">
              {alerts.map((alert) => (
                <AlertRow
                  key={alertKey(alert)}
                  alert={alert}
                  now={now}
                  showTask
                  onAcknowledge={operator ? (id) => alertsStoreFor(client).acknowledge(id) : undefined}
                  unread={isUnread(alert, seenBefore)}
                  onChoose={
                    alert.taskId && onOpenTask
                      ? () => {
                          const taskId = alert.taskId;
                          readAll();
                          setOpen(false);
                          if (taskId) onOpenTask(taskId, alert.nodeId);
                        }
                      : undefined
                  }
                />
              ))}
            </ul>
          )}
        </div>
      )}
      {editing && settings && <AlertSettingsDialog settings={settings} onSave={(next) => alertsStoreFor(client).saveSettings(next)} onClose={() => setEditing(false)} onPermission={setPermission} />}
    </div>
  );
}
