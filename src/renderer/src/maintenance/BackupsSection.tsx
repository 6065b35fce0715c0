import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupListing } from '../../../shared/api/backups';
import type { ConsoleClient } from '../../../shared/api/contract';
import { formatBytes } from '../../../shared/format/bytes';
import { TIME_OF_DAY_PATTERN, type BackupSettings } from '../../../shared/settings/settings';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage, type Failure } from '../common/error-message';
import { formatTime } from '../common/format';
import { LoadFailed } from '../common/LoadFailed';
import './maintenance.css';

/**
 * The daily backup's settings and the backups written, with their sizes; "Back up now", and a
 * restore that the console applies when it next starts (the live database is never swapped
 * under running tasks). Viewers only look.
 */
export function BackupsSection({ client, canEdit }: { client: ConsoleClient; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [actionError, setActionError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);

  const reload = useCallback(() => {
    Promise.all([client.listBackups(), client.getSettings()]).then(
      ([read, all]) => {
        setListing(read);
        setSettings(all.backups);
        setFailure(null);
      },
      (error: unknown) => setFailure({ error }),
    );
  }, [client]);
  useEffect(reload, [reload]);

  const act = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setActionError(null);
    try {
      setNotice(await action());
      reload();
    } catch (error) {
      setActionError({ error });
    } finally {
      setBusy(false);
    }
  };
  const timeValid = settings !== null && TIME_OF_DAY_PATTERN.test(settings.timeOfDay);

  return (
    <section className="catalog-section" data-testid="backups-section">
      <header className="catalog-section-header">
        <h3>{t('maintenance.backups.title')}</h3>
        {canEdit && (
          <button type="button" data-testid="backup-now" disabled={busy} onClick={() => void act(async () => (await client.backupNow(), null))}>
            {busy ? t('maintenance.backups.working') : t('maintenance.backups.backUpNow')}
          </button>
        )}
      </header>
      <LoadFailed failure={failure} message="maintenance.backups.failed" className="field-error" />
      {actionError && (
        <p role="alert" className="field-error">
          {errorMessage(t, actionError.error)}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {listing && (
        <>
          <p className="muted">
            {t('maintenance.backups.folder')}: <code>{listing.folder}</code>
          </p>
          <p className="muted">{listing.nextRun === null ? t('maintenance.backups.noSchedule') : t('maintenance.backups.nextRun', { time: formatTime(listing.nextRun, i18n.language) })}</p>
          {listing.pendingRestore && <p role="status">{t('maintenance.backups.pending')}</p>}
          {listing.lastError && (
            <p role="alert" className="field-error">
              {t('maintenance.backups.lastError', { error: listing.lastError })}
            </p>
          )}
        </>
      )}
      {settings && (
        <form
          className="backup-settings"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => (await client.updateSettings({ backups: settings }), null));
          }}
        >
          <label className="inline-field">
            <input type="checkbox" disabled={!canEdit} checked={settings.enabled} onChange={(event) => setSettings({ ...settings, enabled: event.target.checked })} />
            <span>{t('maintenance.backups.enabled')}</span>
          </label>
          <label className="inline-field">
            <span>{t('maintenance.backups.time')}</span>
            <input type="time" disabled={!canEdit} value={settings.timeOfDay} aria-invalid={!timeValid} onChange={(event) => setSettings({ ...settings, timeOfDay: event.target.value })} />
          </label>
          <label className="inline-field">
            <span>{t('maintenance.backups.retention')}</span>
            <input
              type="number"
              min={1}
              max={3650}
              disabled={!canEdit}
              value={settings.retentionDays}
              onChange={(event) => setSettings({ ...settings, retentionDays: Math.max(1, Math.floor(Number(event.target.value) || 1)) })}
            />
          </label>
          <label className="inline-field">
            <input type="checkbox" disabled={!canEdit} checked={settings.includeSecrets} onChange={(event) => setSettings({ ...settings, includeSecrets: event.target.checked })} />
            <span>{t('maintenance.backups.includeSecrets')}</span>
          </label>
          {canEdit && (
            <button type="submit" disabled={busy || !timeValid}>
              {t('maintenance.backups.save')}
            </button>
          )}
        </form>
      )}
      {listing && listing.backups.length === 0 && <p className="muted">{t('maintenance.backups.empty')}</p>}
      {listing && listing.backups.length > 0 && (
        <table className="catalog-table" data-testid="backup-table">
          <thead>
            <tr>
              <th>{t('maintenance.backups.file')}</th>
              <th>{t('maintenance.backups.time_col')}</th>
              <th>{t('maintenance.backups.size')}</th>
              <th>{t('maintenance.backups.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {listing.backups.map((backup) => (
              <tr key={backup.file} data-testid="backup-row">
                <td>
                  <code>{backup.file}</code>
                </td>
                <td>{formatTime(backup.time, i18n.language)}</td>
                <td className="numeric">{formatBytes(backup.bytes)}</td>
                <td title={backup.error ?? undefined}>
                  {backup.verified === null ? t('maintenance.backups.unknown') : backup.verified ? t('maintenance.backups.verified') : t('maintenance.backups.notVerified')}
                </td>
                <td>
                  {canEdit && (
                    <button type="button" disabled={busy} onClick={() => setRestoring(backup)}>
                      {t('maintenance.backups.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <ConfirmDialog
          title={t('maintenance.backups.restoreTitle', { file: restoring.file })}
          body={t('maintenance.backups.restoreBody')}
          confirmLabel={t('maintenance.backups.restore')}
          onConfirm={() => void act(async () => (await client.restoreBackup({ file: restoring.file }), t('maintenance.backups.restoreStaged')))}
          onClose={() => setRestoring(null)}
        />
      )}
    </section>
  );
}
