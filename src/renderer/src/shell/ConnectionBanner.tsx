import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from './clock-time';
import { useConnection } from './use-connection';
import './connection.css';

/**
 * While the link to the host is lost or refused, a banner says so and the live figures grey:
 * the document carries the phase (`data-connection`), which connection.css greys them by, so a
 * wall screen never shows frozen figures as live.
 */
export function ConnectionBanner() {
  const { t, i18n } = useTranslation();
  const state = useConnection();
  const stale = state.phase === 'lost' || state.phase === 'refused';
  useEffect(() => {
    const root = document.documentElement;
    if (stale) root.dataset['connection'] = state.phase;
    else delete root.dataset['connection'];
    return () => {
      delete root.dataset['connection'];
    };
  }, [stale, state.phase]);
  if (!stale) return null;
  if (state.phase === 'refused') {
    return (
      <div className="connection-banner" role="alert" data-testid="connection-banner" data-phase={state.phase}>
        <strong>{t('connection.refusedTitle')}</strong>
        <span>{t('connection.refusedHint')}</span>
      </div>
    );
  }
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner" data-phase={state.phase}>
      <strong>{t('connection.lostTitle')}</strong>
      <span>{state.lastContact === null ? t('connection.neverReached') : t('connection.asOf', { time: clockTime(state.lastContact, i18n.language) })}</span>
      <span className="connection-banner-detail">{state.attempts > 0 ? t('connection.reconnectingAttempt', { attempt: state.attempts }) : t('connection.reconnecting')}</span>
    </div>
  );
}
