import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, ConsoleHostStatus } from '../../../shared/api/app-status';
import type { ConsoleClient } from '../../../shared/api/contract';
import { errorMessage } from '../common/error-message';

interface ShareConsoleProps {
  client: ConsoleClient;
  host: ConsoleHostStatus;
  onChanged: (status: AppStatus) => void;
}

/**
 * The desktop app's "share this console" switch and, while shared, the operator and viewer
 * links (each carries its token). Only the app's own window is told the host's status, so
 * browsers on the host never see it.
 */
export function ShareConsole({ client, host, onChanged }: ShareConsoleProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const toggle = async (enabled: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const settings = await client.getSettings();
      await client.updateSettings({ host: { ...settings.host, enabled } });
      onChanged(await client.getAppStatus());
    } catch (error) {
      setFailure({ error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="share-console" data-testid="share-console">
      <summary>{t(host.state === 'on' ? 'share.shared' : 'share.notShared')}</summary>
      <label className="inline-field">
        <input type="checkbox" data-testid="share-toggle" checked={host.state !== 'off'} disabled={busy} onChange={(event) => void toggle(event.target.checked)} />
        <span>{t('share.toggle')}</span>
      </label>
      {host.state === 'on' && (
        <>
          <dl className="share-links">
            <dt>{t('share.operatorUrl')}</dt>
            <dd>
              <code data-testid="share-operator-url">{host.operatorUrl}</code>
            </dd>
            <dt>{t('share.viewerUrl')}</dt>
            <dd>
              <code data-testid="share-viewer-url">{host.viewerUrl}</code>
            </dd>
          </dl>
          <p className="muted">{t('share.warning')}</p>
        </>
      )}
      {host.state === 'failed' && (
        <p role="alert" className="status-error">
          {t('share.failed', { reason: host.reason })}
        </p>
      )}
      {failure && (
        <p role="alert" className="status-error">
          {errorMessage(t, failure.error)}
        </p>
      )}
    </details>
  );
}
