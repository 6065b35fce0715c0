import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnvironmentStatus } from '../../../shared/environments/environments';
import type { SchemeStatus } from '../../../shared/environments/schemes';

interface CatalogRow {
  id: string;
  status: SchemeStatus | EnvironmentStatus;
  taskCount: number;
}

interface CatalogSectionProps<Row extends CatalogRow> {
  kind: 'scheme' | 'environment';
  /** `null` until the catalog is first read. */
  rows: Row[] | null;
  canEdit: boolean;
  /** The headings of the columns `cells` gives, before the status and task count every row has. */
  headings: string[];
  cells: (row: Row) => ReactNode;
  onCreate: () => void;
  onEdit: (row: Row) => void;
  onArchive: (row: Row) => void;
  onRestore: (row: Row) => void;
}

/** One kind of catalog entry as a table: its own columns, then status, task count and, for operators, the actions. */
export function CatalogSection<Row extends CatalogRow>({ kind, rows, canEdit, headings, cells, onCreate, onEdit, onArchive, onRestore }: CatalogSectionProps<Row>) {
  const { t } = useTranslation();
  const headingId = `catalog-${kind}s`;
  return (
    <section className="catalog-section" aria-labelledby={headingId}>
      <header className="catalog-section-header">
        <h3 id={headingId}>{t(`environments.${kind}.title`)}</h3>
        {canEdit && (
          <button type="button" className="primary-button" data-testid={`${kind}-create`} onClick={onCreate}>
            {t(`environments.${kind}.create`)}
          </button>
        )}
      </header>
      <p className="muted catalog-intro">{t(`environments.${kind}.intro`)}</p>
      {rows && rows.length === 0 && <p className="muted">{t(`environments.${kind}.none`)}</p>}
      {rows && rows.length > 0 && (
        <table className="catalog-table" data-testid={`${kind}-table`}>
          <thead>
            <tr>
              {headings.map((heading) => (
                <th key={heading}>{heading}</th>
              ))}
              <th>{t('environments.status')}</th>
              <th>{t('environments.tasks')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={`${kind}-row`} data-status={row.status}>
                {cells(row)}
                <td>
                  <span className={`catalog-status catalog-status-${row.status}`}>{t(`environments.statuses.${row.status}`)}</span>
                </td>
                <td>{row.taskCount}</td>
                <td className="catalog-actions">
                  {canEdit && (
                    <>
                      <button type="button" data-testid={`${kind}-edit`} onClick={() => onEdit(row)}>
                        {t('environments.edit')}
                      </button>
                      {row.status === 'active' ? (
                        <button type="button" data-testid={`${kind}-archive`} onClick={() => onArchive(row)}>
                          {t('environments.archive')}
                        </button>
                      ) : (
                        <button type="button" data-testid={`${kind}-restore`} onClick={() => onRestore(row)}>
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
  );
}
