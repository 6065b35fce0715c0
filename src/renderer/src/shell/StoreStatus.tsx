import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/app-status';
import type { ConsoleClient } from '../../../shared/api/contract';
import { errorMessage } from '../common/error-message';

/** The status bar: the app's version and the store it works on, or why the store is unavailable. */
export function StoreStatus({ client }: { client: ConsoleClient }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    client.getAppStatus().then(setStatus, (error: unknown) => setFailure({ error }));
  }, [client]);
  return (
    <footer className="status-bar" data-testid="status-bar">
      {failure && (
        <span role="alert" className="status-error">
          {t('status.unavailable', { error: errorMessage(t, failure.error) })}
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
      {!status && !failure && <span className="muted">{t('status.connecting')}</span>}
    </footer>
  );
}
