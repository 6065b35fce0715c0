import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_STATUSES, type TemplateListQuery } from '../../../../shared/workflow/templates';
import type { EditorServices, TemplateListing } from '../editor-services';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { Dialog } from '../../common/Dialog';
import { errorMessage } from '../../common/error-message';
import '../../maintenance/maintenance.css';
import { formatMinute } from '../../common/format';

type Listing = { status: 'loading' } | { status: 'ready'; templates: TemplateListing[] } | { status: 'failed'; error: unknown };

/**
 * The stored templates, searched by name and tag, archived ones on request; opening one loads
 * its latest version, or the version typed beside it. Templates can be tagged, archived, made
 * active again and deleted (one that tasks were made from is archived instead, as it says).
 */
export function OpenTemplateDialog({
  services,
  onOpen,
  onClose,
  readOnly = false,
}: {
  services: EditorServices;
  onOpen: (templateName: string, version?: number) => void;
  onClose: () => void;
  /** A viewer's session: templates can be opened, not tagged, archived or deleted. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [versions, setVersions] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [confirming, setConfirming] = useState<{ action: 'archive' | 'delete'; name: string } | null>(null);
  const [tagging, setTagging] = useState<{ name: string; text: string } | null>(null);
  const [outcome, setOutcome] = useState<{ notice: string } | { error: unknown } | null>(null);
  useEffect(() => {
    let live = true;
    const query: TemplateListQuery = {
      ...(search.trim() && { search }),
      ...(tag.trim() && { tag }),
      ...(showArchived && { status: [...TEMPLATE_STATUSES] }),
    };
    services.listTemplates(query).then(
      (templates) => live && setListing({ status: 'ready', templates }),
      (error: unknown) => live && setListing({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [services, search, tag, showArchived, reloads]);
  const act = (action: () => Promise<string | null>) =>
    action().then(
      (notice) => {
        setOutcome(notice === null ? null : { notice });
        setReloads((count) => count + 1);
      },
      (error: unknown) => setOutcome({ error }),
    );
  const remove = (name: string) =>
    act(async () => {
      const result = await services.deleteTemplate(name);
      return result.outcome === 'deleted' ? t('maintenance.templates.deleted', { name }) : t(`apiErrors.${result.reason.key}`, { ...result.reason.params, defaultValue: result.message });
    });
  return (
    <Dialog title={t('open.title')} onClose={onClose} testId="open-dialog" wide>
      <div className="template-filters" role="toolbar">
        <input type="search" placeholder={t('maintenance.templates.search')} aria-label={t('maintenance.templates.search')} value={search} data-testid="template-search" onChange={(event) => setSearch(event.target.value)} />
        <input type="search" placeholder={t('maintenance.templates.anyTag')} aria-label={t('maintenance.templates.tag')} value={tag} data-testid="template-tag-filter" onChange={(event) => setTag(event.target.value)} />
        <label className="inline-field">
          <input type="checkbox" checked={showArchived} data-testid="template-show-archived" onChange={(event) => setShowArchived(event.target.checked)} />
          <span>{t('maintenance.templates.showArchived')}</span>
        </label>
      </div>
      {outcome && 'notice' in outcome && <p role="status">{outcome.notice}</p>}
      {outcome && 'error' in outcome && <p role="alert">{errorMessage(t, outcome.error)}</p>}
      {listing.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {listing.status === 'failed' && <p role="alert">{t('open.failed', { error: errorMessage(t, listing.error) })}</p>}
      {listing.status === 'ready' && listing.templates.length === 0 && <p className="muted">{t('open.empty')}</p>}
      {listing.status === 'ready' && listing.templates.length > 0 && (
        <table className="template-table">
          <thead>
            <tr>
              <th>{t('open.name')}</th>
              <th>{t('maintenance.templates.status')}</th>
              <th>{t('maintenance.templates.tags')}</th>
              <th>{t('open.latest')}</th>
              <th>{t('open.updated')}</th>
              <th>{t('open.version')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {listing.templates.map((template) => {
              const typed = versions[template.templateName] ?? '';
              const version = typed === '' ? undefined : Number(typed);
              const valid = version === undefined || (Number.isInteger(version) && version >= 1 && version <= template.latestVersion);
              const name = template.templateName;
              return (
                <tr key={name} data-testid={`template-row-${name}`}>
                  <td>
                    <strong>{template.name}</strong>
                    {template.description && <div className="muted">{template.description}</div>}
                  </td>
                  <td>{t(`maintenance.templates.statuses.${template.status}`)}</td>
                  <td>
                    {tagging?.name === name ? (
                      <form
                        onSubmit={(event) => {
                          event.preventDefault();
                          const tags = tagging.text.split(',').map((part) => part.trim()).filter(Boolean);
                          setTagging(null);
                          void act(async () => (await services.setTemplateTags(name, tags), null));
                        }}
                      >
                        <input aria-label={t('maintenance.templates.tagsPrompt')} placeholder={t('maintenance.templates.tagsPrompt')} value={tagging.text} onChange={(event) => setTagging({ name, text: event.target.value })} />
                        <button type="submit">{t('maintenance.templates.saveTags')}</button>
                      </form>
                    ) : readOnly ? (
                      <span>{template.tags.length > 0 ? template.tags.join(', ') : '—'}</span>
                    ) : (
                      <button type="button" className="link-button" title={t('maintenance.templates.editTags')} onClick={() => setTagging({ name, text: template.tags.join(', ') })}>
                        {template.tags.length > 0 ? template.tags.join(', ') : '—'}
                      </button>
                    )}
                  </td>
                  <td data-verbatim="">v{template.latestVersion}</td>
                  <td>{Number.isNaN(Date.parse(template.updatedAt)) ? template.updatedAt : formatMinute(Date.parse(template.updatedAt))}</td>
                  <td>
                    <input
                      className="version-input"
                      type="number"
                      min={1}
                      max={template.latestVersion}
                      placeholder={String(template.latestVersion)}
                      aria-label={t('open.version')}
                      value={typed}
                      onChange={(event) => setVersions({ ...versions, [name]: event.target.value })}
                    />
                  </td>
                  <td>
                    <button type="button" disabled={!valid} onClick={() => onOpen(name, version)} data-testid={`template-open-${name}`}>
                      {t('open.open')}
                    </button>
                    {readOnly ? null : template.status === 'archived' ? (
                      <button type="button" onClick={() => void act(async () => (await services.setTemplateStatus(name, 'active'), null))}>
                        {t('maintenance.templates.restore')}
                      </button>
                    ) : (
                      <button type="button" data-testid={`template-archive-${name}`} onClick={() => setConfirming({ action: 'archive', name })}>
                        {t('maintenance.templates.archive')}
                      </button>
                    )}
                    {!readOnly && (
                      <button type="button" data-testid={`template-delete-${name}`} onClick={() => setConfirming({ action: 'delete', name })}>
                        {t('maintenance.templates.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={t(`maintenance.templates.${confirming.action}Title`, { name: confirming.name })}
          body={t(`maintenance.templates.${confirming.action}Body`)}
          confirmLabel={t(`maintenance.templates.${confirming.action}`)}
          onConfirm={() =>
            void (confirming.action === 'delete' ? remove(confirming.name) : act(async () => (await services.setTemplateStatus(confirming.name, 'archived'), null)))
          }
          onClose={() => setConfirming(null)}
        />
      )}
    </Dialog>
  );
}
