import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { groupCatalog, type AgentCatalogItem } from '../model/agent-catalog';
import { kindPaletteEntries } from '../model/node-kinds';
import type { CatalogState } from '../use-agent-catalog';
import { PALETTE_MIME, type PaletteItem } from './palette-drag';

interface PaletteProps {
  catalog: CatalogState;
  /** Adds the item at a free place in the selected container (or the root): the keyboard path. */
  onAdd: (item: PaletteItem) => void;
}

function startDrag(event: DragEvent, item: PaletteItem): void {
  event.dataTransfer.setData(PALETTE_MIME, JSON.stringify(item));
  event.dataTransfer.effectAllowed = 'copy';
}

export function Palette({ catalog, onAdd }: PaletteProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const matches = (item: AgentCatalogItem) =>
      needle === '' || [item.name, item.agentLoad, item.description ?? ''].some((text) => text.toLocaleLowerCase().includes(needle));
    return groupCatalog(catalog.items.filter(matches));
  }, [catalog.items, filter]);

  const entry = (item: PaletteItem, label: string, detail: string, testId: string, kind: string) => (
    <li key={testId}>
      <button
        type="button"
        className={`palette-item kind-${kind}`}
        draggable
        onDragStart={(event) => startDrag(event, item)}
        onClick={() => onAdd(item)}
        title={detail}
        data-testid={testId}
      >
        <span className="palette-item-name">{label}</span>
        <span className="palette-item-detail">{detail}</span>
      </button>
    </li>
  );

  return (
    <aside className="palette" aria-label={t('palette.title')} data-testid="palette">
      <h2 className="panel-title">{t('palette.title')}</h2>
      <p className="palette-hint">{t('palette.hint')}</p>
      <ul className="palette-list">
        {entry({ nodeType: 'container' }, t('palette.container'), t('palette.containerDetail'), 'palette-container', 'container')}
        {entry({ nodeType: 'agent' }, t('palette.agent'), t('palette.agentDetail'), 'palette-agent', 'unknown')}
      </ul>
      <section className="palette-group" aria-label={t('palette.nodeKinds')}>
        <h3 className="palette-group-title">{t('palette.nodeKinds')}</h3>
        <ul className="palette-list">
          {kindPaletteEntries().map(({ kind, item, timeoutSeconds, retries, colour }) =>
            entry(item, t(`nodeKinds.${kind}`), t('palette.kindDetail', { seconds: timeoutSeconds, count: retries }), `palette-kind-${kind}`, colour),
          )}
        </ul>
      </section>
      <input
        type="search"
        className="palette-filter"
        placeholder={t('palette.filter')}
        aria-label={t('palette.filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        data-testid="palette-filter"
      />
      {catalog.status === 'loading' && <p className="muted">{t('palette.loading')}</p>}
      {catalog.status === 'failed' && (
        <p className="muted" role="alert">
          {t('palette.failed', { error: catalog.error ?? '' })}
        </p>
      )}
      {catalog.status === 'offline' && <p className="muted">{t('palette.offline')}</p>}
      {catalog.status === 'ready' && catalog.items.length === 0 && <p className="muted">{t('palette.empty')}</p>}
      {groups.map((group) => (
        <section key={group.kind} className="palette-group" aria-label={t(`kinds.${group.kind}`)}>
          <h3 className="palette-group-title">{t(`kinds.${group.kind}`)}</h3>
          <ul className="palette-list">
            {group.items.map((item) =>
              entry({ nodeType: 'agent', agentLoad: item.agentLoad }, item.name || item.agentLoad, item.description ?? item.agentLoad, `palette-item-${item.agentLoad}`, item.kind),
            )}
          </ul>
        </section>
      ))}
    </aside>
  );
}
