import { useTranslation } from 'react-i18next';
import { useConnection } from './use-connection';
import { clockTime } from './clock-time';

/** The status bar's account of the link to the console host: its state and the last heartbeat's round trip. */
export function ConnectionStatus() {
  const { t, i18n } = useTranslation();
  const state = useConnection();
  const text =
    state.phase === 'connected'
      ? state.latencyMs === null
        ? t('connection.connected')
        : t('connection.connectedLatency', { ms: state.latencyMs })
      : state.phase === 'lost'
        ? t('connection.lostShort', { time: clockTime(state.since, i18n.language) })
        : t(`connection.${state.phase}`);
  return (
    <span className={`connection-status connection-${state.phase}`} data-testid="connection-status" data-phase={state.phase} title={state.detail ?? undefined}>
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
