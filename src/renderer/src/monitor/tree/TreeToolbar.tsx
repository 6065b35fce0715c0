import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_STATUSES, type NodeStatus } from '../../../../shared/status';
import { StatusIcon } from './StatusIcon';

interface TreeToolbarProps {
  counts: ReadonlyMap<NodeStatus, number>;
  statuses: ReadonlySet<NodeStatus>;
  search: string;
  matchCount: number | null;
  replay: boolean;
  onToggleStatus: (status: NodeStatus) => void;
  onSearch: (text: string) => void;
  onClear: () => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

/** Expand and collapse all, a chip per status present (with its count), the search and how many nodes match. */
export const TreeToolbar = memo(function TreeToolbar({ counts, statuses, search, matchCount, replay, onToggleStatus, onSearch, onClear, onExpandAll, onCollapseAll }: TreeToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="tree-toolbar">
      <div className="tree-toolbar-group">
        <button type="button" onClick={onExpandAll}>
          {t('tree.expandAll')}
        </button>
        <button type="button" onClick={onCollapseAll}>
          {t('tree.collapseAll')}
        </button>
      </div>
      <div className="tree-chips" role="group" aria-label={t('tree.filterLabel')}>
        {NODE_STATUSES.filter((status) => (counts.get(status) ?? 0) > 0 || statuses.has(status)).map((status) => (
          <button
            key={status}
            type="button"
            className={`tree-chip${statuses.has(status) ? ' is-on' : ''}`}
            aria-pressed={statuses.has(status)}
            data-status={status}
            style={{ ['--chip-colour' as string]: `var(--status-${status})` }}
            onClick={() => onToggleStatus(status)}
          >
            <StatusIcon status={status} />
            <span>{t(`monitor.status.${status}`)}</span>
            <span className="tree-chip-count">{counts.get(status) ?? 0}</span>
          </button>
        ))}
      </div>
      <div className="tree-toolbar-group tree-search">
        <input type="search" value={search} placeholder={t('tree.searchPlaceholder')} aria-label={t('tree.searchLabel')} onChange={(event) => onSearch(event.target.value)} />
        {matchCount !== null && (
          <>
            <span className="tree-match-count" aria-live="polite">
              {t('tree.matches', { count: matchCount })}
            </span>
            <button type="button" className="link-button" onClick={onClear}>
              {t('tree.clearFilters')}
            </button>
          </>
        )}
      </div>
      {replay && (
        <span className="tree-replay-hint" role="note">
          {t('tree.replayHint')}
        </span>
      )}
    </div>
  );
});
