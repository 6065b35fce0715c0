import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/app-status';
import type { ConsoleClient } from '../../../shared/api/contract';
import { errorMessage } from '../common/error-message';

/** The status bar: the app's version and the store it works on, or why the store is unavailable. */
export function StoreStatus({ client }: { client: ConsoleClient }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client.getAppStatus().then(setStatus, (reason: unknown) => setError(errorMessage(reason)));
  }, [client]);
  return (
    <footer className="status-bar" data-testid="status-bar">
      {error && (
        <span role="alert" className="status-error">
          {t('status.unavailable', { error })}
        </span>
      )}
      {status && (
        <dl className="store-status">
          <dt>{t('status.version')}</dt>
          <dd>{status.version}</dd>
          <dt>{t('status.database')}</dt>
          <dd className="store-file" title={status.store.file}>
            {status.store.file}
          </dd>
          <dt>{t('status.schema')}</dt>
          <dd>{status.store.schemaVersion}</dd>
          <dt>{t('status.journal')}</dt>
          <dd>{status.store.journalMode}</dd>
          <dt>{t('status.foreignKeys')}</dt>
          <dd>{t(status.store.foreignKeys ? 'status.on' : 'status.off')}</dd>
        </dl>
      )}
      {!status && !error && <span className="muted">{t('status.connecting')}</span>}
    </footer>
  );
}
