import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagedNodes } from '../../../../shared/task/nodes';
import { useFormatDuration } from '../../common/format';
import { isTicking, nodeDurationMs } from './model/durations';
import { highlightParts } from './model/highlight';
import type { VisibleRow } from './model/visible-rows';
import { ManagedBar, ProgressBar } from './ProgressCell';
import { StatusIcon } from './StatusIcon';

interface TreeRowProps {
  row: VisibleRow;
  /** Row position in the whole list (1-based), for assistive technology. */
  position: number;
  domId: string;
  selected: boolean;
  focused: boolean;
  /** The clock for a duration still growing (live, or at the replay moment); null for rows whose duration is fixed. */
  now: number | null;
  search: string;
  /** Where the row sits in the scrolled list and how high it is, in pixels (numbers, so that memo holds). */
  top: number;
  height: number;
  onToggle: (nodeId: string) => void;
  onSelect: (nodeId: string, index: number) => void;
  onContextMenu: (event: MouseEvent, nodeId: string, index: number) => void;
}

export const TreeRow = memo(function TreeRow({ row, position, domId, selected, focused, now, search, top, height, onToggle, onSelect, onContextMenu }: TreeRowProps) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  const { node } = row;
  const duration = nodeDurationMs(node, now ?? 0);
  const index = position - 1;
  return (
    <div
      id={domId}
      role="row"
      aria-level={row.depth + 1}
      aria-rowindex={position + 1}
      aria-selected={selected}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      className={`tree-row${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}${row.matched ? ' is-match' : ''}`}
      data-node-id={node.nodeId}
      data-status={node.status}
      style={{ height, transform: `translateY(${top}px)` }}
      onClick={() => onSelect(node.nodeId, index)}
      onContextMenu={(event) => onContextMenu(event, node.nodeId, index)}
    >
      <div role="gridcell" className="tree-cell tree-name-cell" style={{ paddingLeft: `${row.depth * 1.15 + 0.3}rem` }}>
        {row.hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            className={`tree-chevron${row.expanded ? ' is-open' : ''}`}
            aria-label={row.expanded ? t('tree.collapse') : t('tree.expand')}
            onClick={(event) => {
              event.stopPropagation();
              // The keyboard lives on the grid: it keeps the focus, not this button.
              event.currentTarget.closest<HTMLElement>('[role="treegrid"]')?.focus();
              onToggle(node.nodeId);
            }}
          >
            <svg viewBox="0 0 10 10" aria-hidden="true">
              <path d="M3 1.5L7 5 3 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        ) : (
          <span className="tree-chevron-space" />
        )}
        <StatusIcon status={node.status} />
        {node.nodeType === 'container' && <span className="tree-container-mark" aria-label={t('tree.type.container')} title={t('tree.type.container')} />}
        <span className="tree-name">
          {node.name !== null && node.name !== node.nodeId && (
            <span className="tree-title">
              <Highlighted text={node.name} search={search} />
            </span>
          )}
          <code className={node.name !== null && node.name !== node.nodeId ? 'tree-id' : 'tree-title'}>
            <Highlighted text={node.nodeId} search={search} />
          </code>
        </span>
        {node.errorCode !== null && (node.status === 'failed' || node.status === 'stopped') && (
          <code className="tree-error-code" title={node.errorMessage ?? node.errorCode}>
            {node.errorCode}
          </code>
        )}
      </div>
      <div role="gridcell" className="tree-cell tree-load muted" title={node.agentLoad ?? undefined} data-verbatim="">
        {node.agentLoad ?? ''}
      </div>
      <div role="gridcell" className="tree-cell">
        {node.managedNodes ? <ManagedBar managed={node.managedNodes} /> : node.nodeType === 'agent' && <ProgressBar node={node} />}
      </div>
      <div role="gridcell" className="tree-cell">
        {node.managedNodes && <ManagedCounts managed={node.managedNodes} />}
      </div>
      <div role="gridcell" className={`tree-cell tree-batch${node.batch > 1 ? ' is-retry' : ''}`} title={node.batch > 0 ? t('tree.batchTitle', { batch: node.batch }) : undefined}>
        {node.batch > 0 ? `#${node.batch}` : ''}
      </div>
      <div role="gridcell" className={`tree-cell tree-duration${isTicking(node) ? ' is-live' : ''}`}>
        {duration === null ? '' : formatDuration(duration)}
      </div>
    </div>
  );
});

function Highlighted({ text, search }: { text: string; search: string }) {
  const parts = highlightParts(text, search);
  if (parts.length === 1 && !parts[0]!.match) return <>{text}</>;
  return (
    <>
      {parts.map((part, at) => (part.match ? <mark key={at}>{part.text}</mark> : <span key={at}>{part.text}</span>))}
    </>
  );
}

function ManagedCounts({ managed }: { managed: ManagedNodes }) {
  const { t } = useTranslation();
  const extra = [
    ['running', managed.running],
    ['failed', managed.failed],
    ['skipped', managed.skipped],
  ] as const;
  return (
    <span className="tree-managed" title={t('tree.managed.title', { ...managed })}>
      <span>{t('tree.managed.summary', { completed: managed.completed, total: managed.total })}</span>
      {extra.map(([status, count]) =>
        count > 0 ? (
          <span key={status} className="tree-managed-count">
            <StatusIcon status={status} />
            {count}
          </span>
        ) : null,
      )}
    </span>
  );
}
