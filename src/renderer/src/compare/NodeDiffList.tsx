import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeComparison, Pair } from '../../../shared/compare/run-compare';
import type { NodeStatus } from '../../../shared/status';
import { useFormatDuration } from '../common/format';
import { StatusBadge } from '../monitor/StatusBadge';
import { diffKind } from './model/compare-view';

const ROW_PX = 34;

function Change<T>({ pair, show }: { pair: Pair<T> | undefined; show: (value: T) => ReactNode }) {
  if (!pair) return <span className="muted">=</span>;
  return (
    <span className="compare-change">
      {show(pair.a)} → {show(pair.b)}
    </span>
  );
}

/** The compared nodes, one row each (thousands are drawn as they scroll into view). */
export function NodeDiffList({ nodes, selectedNodeId, onSelectNode }: { nodes: readonly NodeComparison[]; selectedNodeId: string | null; onSelectNode: (nodeId: string) => void }) {
  const { t } = useTranslation();
  const duration = useFormatDuration();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler is not used here; the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: nodes.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 10 });
  const selectedIndex = nodes.findIndex((node) => node.nodeId === selectedNodeId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  const status = (value: NodeStatus | null) => (value === null ? '—' : <StatusBadge status={value} />);
  return (
    <div className="compare-list" role="table" aria-label={t('compare.nodes')} data-testid="compare-node-list">
      <div className="compare-row compare-head" role="row">
        <span role="columnheader">{t('compare.columns.node')}</span>
        <span role="columnheader">{t('compare.columns.difference')}</span>
        <span role="columnheader">{t('compare.columns.status')}</span>
        <span role="columnheader">{t('compare.columns.attempts')}</span>
        <span role="columnheader">{t('compare.columns.duration')}</span>
        <span role="columnheader">{t('compare.columns.result')}</span>
      </div>
      <div ref={scrollRef} className="compare-list-scroll">
        {nodes.length === 0 && <p className="muted compare-empty">{t('compare.noneShown')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const node = nodes[item.index]!;
            const kind = diffKind(node);
            return (
              <div
                key={node.nodeId}
                role="row"
                tabIndex={0}
                className={`compare-row diff-${kind}${node.nodeId === selectedNodeId ? ' is-selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_PX, transform: `translateY(${item.start}px)` }}
                data-testid={`compare-row-${node.nodeId}`}
                data-diff={kind}
                onClick={() => onSelectNode(node.nodeId)}
                onKeyDown={(event) => event.key === 'Enter' && onSelectNode(node.nodeId)}
              >
                <span role="cell" className="compare-node-cell" title={node.name ?? node.nodeId}>
                  <span className="compare-swatch" aria-hidden="true" />
                  <span data-verbatim="">{node.name ?? node.nodeId}</span>
                </span>
                <span role="cell">{t(`compare.diff.${kind}`)}</span>
                <span role="cell">{node.presence === 'both' ? <Change pair={node.status} show={status} /> : null}</span>
                <span role="cell" className="numeric">
                  {node.presence === 'both' ? <Change pair={node.batches} show={String} /> : null}
                </span>
                <span role="cell" className="numeric">
                  {node.duration ? (
                    <span className="compare-change" title={t(`compare.verdict.${node.duration.verdict}`)}>
                      {duration(node.duration.a)} → {duration(node.duration.b)}
                    </span>
                  ) : node.presence === 'both' ? (
                    <span className="muted">=</span>
                  ) : null}
                </span>
                <span role="cell">{node.result ? t('compare.resultChanges', { count: node.result.length }) : node.presence === 'both' ? <span className="muted">=</span> : null}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
