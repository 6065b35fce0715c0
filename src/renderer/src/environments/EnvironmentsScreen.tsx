import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { EnvironmentView } from '../../../shared/environments/environments';
import type { SchemeView } from '../../../shared/environments/schemes';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/error-message';
import { useSessionRole } from '../shell/use-session-role';
import { CatalogSection } from './CatalogSection';
import './environments.css';
import { EnvironmentDialog } from './EnvironmentDialog';
import { SchemeDialog } from './SchemeDialog';
import { useCatalog } from './use-catalog';
import { LoadFailed } from '../common/LoadFailed';
import { BackupsSection } from '../maintenance/BackupsSection';

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
      <LoadFailed failure={failure} message="environments.loadFailed" className="field-error" />
      {actionError && (
        <p role="alert" className="field-error">
          {errorMessage(t, actionError.error)}
        </p>
      )}

      <CatalogSection
        kind="environment"
        rows={environments}
        canEdit={canEdit}
        headings={[t('environments.name'), t('environments.environment.engines'), t('environments.environment.strategy')]}
        cells={(environment) => (
          <>
            <td>
              <div className="catalog-name" data-verbatim="">
                {environment.name}
              </div>
              {environment.description && (
                <div className="muted" data-verbatim="">
                  {environment.description}
                </div>
              )}
            </td>
            <td>
              <ul className="catalog-engine-list">
                {environment.engines.map((engine) => (
                  <li key={engine.url} data-verbatim="">
                    {engine.name ? <span className="catalog-name">{engine.name} </span> : null}
                    <span className="muted">{engine.url}</span>
                    {environment.strategy === 'weighted' && <span className="catalog-weight-tag">×{engine.weight}</span>}
                  </li>
                ))}
              </ul>
            </td>
            <td>{t(`environments.strategies.${environment.strategy}`)}</td>
          </>
        )}
        onCreate={() => setEditing({ kind: 'environment' })}
        onEdit={(environment) => setEditing({ kind: 'environment', environment })}
        onArchive={(environment) => setArchiving({ kind: 'environment', row: environment })}
        onRestore={(environment) => void act(client.updateEnvironment(environment.id, { status: 'active' }))}
      />

      <CatalogSection
        kind="scheme"
        rows={schemes}
        canEdit={canEdit}
        headings={[t('environments.name'), t('environments.description')]}
        cells={(scheme) => (
          <>
            <td className="catalog-name" data-verbatim="">
              {scheme.name}
            </td>
            <td className="muted" data-verbatim="">
              {scheme.description}
            </td>
          </>
        )}
        onCreate={() => setEditing({ kind: 'scheme' })}
        onEdit={(scheme) => setEditing({ kind: 'scheme', scheme })}
        onArchive={(scheme) => setArchiving({ kind: 'scheme', row: scheme })}
        onRestore={(scheme) => void act(client.updateScheme(scheme.id, { status: 'active' }))}
      />

      <BackupsSection client={client} canEdit={canEdit} />

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
