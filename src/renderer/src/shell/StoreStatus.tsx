import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/app-status';
import type { ConsoleClient } from '../../../shared/api/contract';
import { errorMessage } from '../common/error-message';
import { ConnectionStatus } from './ConnectionStatus';
import { EngineLinks } from './EngineLinks';
import { ShareConsole } from './ShareConsole';
import { useConnection } from './use-connection';

/**
 * The status bar: the link to the host and the Engines, the app's version and the store it
 * works on, or why the store is unavailable (asked again each time the host is reached).
 */
export function StoreStatus({ client }: { client: ConsoleClient }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  // Asked once the host answers (and again after each reconnect); a refused session is asked
  // too, so the bar says why the store cannot be reached.
  const phase = useConnection().phase;
  const ask = phase === 'connected' || phase === 'refused';
  useEffect(() => {
    if (!ask) return;
    client.getAppStatus().then(
      (read) => {
        setStatus(read);
        setFailure(null);
      },
      (error: unknown) => setFailure({ error }),
    );
  }, [client, ask, phase]);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <ConnectionStatus />
      <EngineLinks client={client} />
      {status?.host && <ShareConsole client={client} host={status.host} onChanged={setStatus} />}
      {failure && (
        <span role="alert" className="status-error">
          {t('status.unavailable', { error: errorMessage(t, failure.error) })}
        </span>
      )}
      {status && (
        <dl className="store-status">
          <dt>{t('status.version')}</dt>
          <dd data-verbatim="">{status.version}</dd>
          <dt>{t('status.database')}</dt>
          <dd className="store-file" title={status.store.file} data-verbatim="">
            {status.store.file}
          </dd>
          <dt>{t('status.schema')}</dt>
          <dd>{status.store.schemaVersion}</dd>
          <dt>{t('status.journal')}</dt>
          <dd data-verbatim="">{status.store.journalMode}</dd>
          <dt>{t('status.foreignKeys')}</dt>
          <dd>{t(status.store.foreignKeys ? 'status.on' : 'status.off')}</dd>
        </dl>
      )}
      {!status && !failure && <span className="muted">{t('status.connecting')}</span>}
    </footer>
  );
}
