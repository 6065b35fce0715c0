import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { EnvironmentView } from '../../../shared/environments/environments';
import type { SchemeView } from '../../../shared/environments/schemes';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/error-message';
import { useSessionRole } from '../shell/use-session-role';
import './environments.css';
import { EnvironmentDialog } from './EnvironmentDialog';
import { SchemeDialog } from './SchemeDialog';
import { useCatalog } from './use-catalog';

type Editing = { kind: 'scheme'; scheme?: SchemeView } | { kind: 'environment'; environment?: EnvironmentView };
type Archiving = { kind: 'scheme'; row: SchemeView } | { kind: 'environment'; row: EnvironmentView };

/**
 * Schemes (推演方案) and environments (环境实例): listed, created, edited and archived. An
 * archived row stays for the tasks made in it; it can be made active again. Viewers only look.
 */
export function EnvironmentsScreen({ client }: { client: ConsoleClient }) {
  const { t } = useTranslation();
  const canEdit = useSessionRole(client) === 'operator';
  const [includeArchived, setIncludeArchived] = useState(false);
  const { schemes, environments, failure, reload } = useCatalog(client, includeArchived);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [archiving, setArchiving] = useState<Archiving | null>(null);
  const [actionError, setActionError] = useState<{ error: unknown } | null>(null);

  const act = (action: Promise<unknown>) =>
    action.then(
      () => {
        setActionError(null);
        reload();
      },
      (error: unknown) => setActionError({ error }),
    );
  const archive = (target: Archiving) => act(target.kind === 'scheme' ? client.archiveScheme(target.row.id) : client.archiveEnvironment(target.row.id));

  return (
    <div className="catalog-screen" data-testid="environments-screen">
      <header className="catalog-toolbar">
        <h2>{t('environments.title')}</h2>
        <label className="inline-field">
          <input type="checkbox" checked={includeArchived} data-testid="catalog-show-archived" onChange={(event) => setIncludeArchived(event.target.checked)} />
          <span>{t('environments.showArchived')}</span>
        </label>
      </header>
      {failure && (
        <p role="alert" className="field-error">
          {t('environments.loadFailed', { error: errorMessage(t, failure.error) })}
        </p>
      )}
      {actionError && (
        <p role="alert" className="field-error">
          {errorMessage(t, actionError.error)}
        </p>
      )}

      <section className="catalog-section" aria-labelledby="catalog-environments">
        <header className="catalog-section-header">
          <h3 id="catalog-environments">{t('environments.environment.title')}</h3>
          {canEdit && (
            <button type="button" className="primary-button" data-testid="environment-create" onClick={() => setEditing({ kind: 'environment' })}>
              {t('environments.environment.create')}
            </button>
          )}
        </header>
        <p className="muted catalog-intro">{t('environments.environment.intro')}</p>
        {environments && environments.length === 0 && <p className="muted">{t('environments.environment.none')}</p>}
        {environments && environments.length > 0 && (
          <table className="catalog-table" data-testid="environment-table">
            <thead>
              <tr>
                <th>{t('environments.name')}</th>
                <th>{t('environments.environment.engines')}</th>
                <th>{t('environments.environment.strategy')}</th>
                <th>{t('environments.status')}</th>
                <th>{t('environments.tasks')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {environments.map((environment) => (
                <tr key={environment.id} data-testid="environment-row" data-status={environment.status}>
                  <td>
                    <div className="catalog-name">{environment.name}</div>
                    {environment.description && <div className="muted">{environment.description}</div>}
                  </td>
                  <td>
                    <ul className="catalog-engine-list">
                      {environment.engines.map((engine) => (
                        <li key={engine.url}>
                          {engine.name ? <span className="catalog-name">{engine.name} </span> : null}
                          <span className="muted">{engine.url}</span>
                          {environment.strategy === 'weighted' && <span className="catalog-weight-tag">×{engine.weight}</span>}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{t(`environments.strategies.${environment.strategy}`)}</td>
                  <td>
                    <span className={`catalog-status catalog-status-${environment.status}`}>{t(`environments.statuses.${environment.status}`)}</span>
                  </td>
                  <td>{environment.taskCount}</td>
                  <td className="catalog-actions">
                    {canEdit && (
                      <>
                        <button type="button" data-testid="environment-edit" onClick={() => setEditing({ kind: 'environment', environment })}>
                          {t('environments.edit')}
                        </button>
                        {environment.status === 'active' ? (
                          <button type="button" data-testid="environment-archive" onClick={() => setArchiving({ kind: 'environment', row: environment })}>
                            {t('environments.archive')}
                          </button>
                        ) : (
                          <button type="button" data-testid="environment-restore" onClick={() => void act(client.updateEnvironment(environment.id, { status: 'active' }))}>
                            {t('environments.restore')}
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="catalog-section" aria-labelledby="catalog-schemes">
        <header className="catalog-section-header">
          <h3 id="catalog-schemes">{t('environments.scheme.title')}</h3>
          {canEdit && (
            <button type="button" className="primary-button" data-testid="scheme-create" onClick={() => setEditing({ kind: 'scheme' })}>
              {t('environments.scheme.create')}
            </button>
          )}
        </header>
        <p className="muted catalog-intro">{t('environments.scheme.intro')}</p>
        {schemes && schemes.length === 0 && <p className="muted">{t('environments.scheme.none')}</p>}
        {schemes && schemes.length > 0 && (
          <table className="catalog-table" data-testid="scheme-table">
            <thead>
              <tr>
                <th>{t('environments.name')}</th>
                <th>{t('environments.description')}</th>
                <th>{t('environments.status')}</th>
                <th>{t('environments.tasks')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {schemes.map((scheme) => (
                <tr key={scheme.id} data-testid="scheme-row" data-status={scheme.status}>
                  <td className="catalog-name">{scheme.name}</td>
                  <td className="muted">{scheme.description}</td>
                  <td>
                    <span className={`catalog-status catalog-status-${scheme.status}`}>{t(`environments.statuses.${scheme.status}`)}</span>
                  </td>
                  <td>{scheme.taskCount}</td>
                  <td className="catalog-actions">
                    {canEdit && (
                      <>
                        <button type="button" data-testid="scheme-edit" onClick={() => setEditing({ kind: 'scheme', scheme })}>
                          {t('environments.edit')}
                        </button>
                        {scheme.status === 'active' ? (
                          <button type="button" data-testid="scheme-archive" onClick={() => setArchiving({ kind: 'scheme', row: scheme })}>
                            {t('environments.archive')}
                          </button>
                        ) : (
                          <button type="button" data-testid="scheme-restore" onClick={() => void act(client.updateScheme(scheme.id, { status: 'active' }))}>
                            {t('environments.restore')}
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {editing?.kind === 'scheme' && <SchemeDialog client={client} {...(editing.scheme ? { scheme: editing.scheme } : {})} onSaved={reload} onClose={() => setEditing(null)} />}
      {editing?.kind === 'environment' && (
        <EnvironmentDialog client={client} {...(editing.environment ? { environment: editing.environment } : {})} onSaved={reload} onClose={() => setEditing(null)} />
      )}
      {archiving && (
        <ConfirmDialog
          title={t(`environments.${archiving.kind}.archiveTitle`, { name: archiving.row.name })}
          body={t(`environments.${archiving.kind}.archiveBody`, { name: archiving.row.name, count: archiving.row.taskCount })}
          confirmLabel={t('environments.archive')}
          onConfirm={() => void archive(archiving)}
          onClose={() => setArchiving(null)}
        />
      )}
    </div>
  );
}
