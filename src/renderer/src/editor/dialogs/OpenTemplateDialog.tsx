import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorServices, TemplateListing } from '../editor-services';
import { Dialog } from '../../common/Dialog';
import { errorMessage } from '../../common/error-message';

type Listing = { status: 'loading' } | { status: 'ready'; templates: TemplateListing[] } | { status: 'failed'; error: unknown };

/** The stored templates; opening one loads its latest version, or the version typed beside it. */
export function OpenTemplateDialog({ services, onOpen, onClose }: { services: EditorServices; onOpen: (templateName: string, version?: number) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [versions, setVersions] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    services.listTemplates().then(
      (templates) => live && setListing({ status: 'ready', templates }),
      (error: unknown) => live && setListing({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [services]);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Dialog title={t('open.title')} onClose={onClose} testId="open-dialog" wide>
      {listing.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {listing.status === 'failed' && <p role="alert">{t('open.failed', { error: errorMessage(t, listing.error) })}</p>}
      {listing.status === 'ready' && listing.templates.length === 0 && <p className="muted">{t('open.empty')}</p>}
      {listing.status === 'ready' && listing.templates.length > 0 && (
        <table className="template-table">
          <thead>
            <tr>
              <th>{t('open.name')}</th>
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
              return (
                <tr key={template.templateName} data-testid={`template-row-${template.templateName}`}>
                  <td>
                    <strong>{template.name}</strong>
                    {template.description && <div className="muted">{template.description}</div>}
                  </td>
                  <td>v{template.latestVersion}</td>
                  <td>{Number.isNaN(Date.parse(template.updatedAt)) ? template.updatedAt : format.format(new Date(template.updatedAt))}</td>
                  <td>
                    <input
                      className="version-input"
                      type="number"
                      min={1}
                      max={template.latestVersion}
                      placeholder={String(template.latestVersion)}
                      aria-label={t('open.version')}
                      value={typed}
                      onChange={(event) => setVersions({ ...versions, [template.templateName]: event.target.value })}
                    />
                  </td>
                  <td>
                    <button type="button" disabled={!valid} onClick={() => onOpen(template.templateName, version)} data-testid={`template-open-${template.templateName}`}>
                      {t('open.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
