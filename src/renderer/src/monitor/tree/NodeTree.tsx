import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeStatus } from '../../../../shared/status';
import type { TaskPanelProps } from '../../task-panels/task-panel';
import { useNow } from '../../common/use-now';
import { nodeLabel } from './ControlDialog';
import { ControlLayer } from './ControlLayer';
import type { NodeControl } from './model/available-controls';
import { isTicking } from './model/durations';
import { createRowsMemo } from './model/rows-memo';
import { statusCounts } from './model/status-counts';
import { managedColumnRem } from './model/managed-width';
import { nodeColumnRem } from './model/node-width';
import { treeKeyAction } from './model/tree-keys';
import { allContainers, expandTo, matchingIds, type TreeFilter } from './model/visible-rows';
import { RowContextMenu } from './RowContextMenu';
import { TreeRow } from './TreeRow';
import { TreeToolbar } from './TreeToolbar';
import { useControlsFor } from './use-controls-for';
import { useNodeControls } from './use-node-controls';
import { useRemPx } from './use-rem';
import './tree.css';

const NO_FILTER: TreeFilter = { statuses: new Set(), search: '' };
/** Rows are this many rem high, all of them, so that 10,000 scroll without measuring. */
const ROW_REM = 2;

function rowDomId(nodeId: string): string {
  return `tree-row-${nodeId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The task's container/agent hierarchy as a virtualized tree grid: status, progress, managed
 * counts, batch and duration per node; collapse, status filter and search; operator controls
 * from each row's context menu when allowed. The monitor shows NodeDetailPanel beside it.
 */
export const NodeTree = memo(function NodeTree({ client, task, nodes, at, selectedNodeId, onSelectNode, canControl }: TaskPanelProps) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [filter, setFilter] = useState<TreeFilter>(NO_FILTER);
  const [rowsMemo] = useState(createRowsMemo);
  const view = rowsMemo(nodes, collapsed, filter);
  const counts = useMemo(() => statusCounts(nodes), [nodes]);
  const managedWidth = useMemo(() => managedColumnRem(nodes.byId.values()), [nodes]);
  const nodeWidth = useMemo(() => nodeColumnRem(nodes.byId.values()), [nodes]);

  // A selection made elsewhere (graph, timeline, logs) opens the containers above it.
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (selectedNodeId !== openedFor && nodes.byId.has(selectedNodeId ?? '')) {
    setOpenedFor(selectedNodeId);
    const opened = expandTo(nodes, collapsed, [selectedNodeId!]);
    if (opened !== collapsed) setCollapsed(opened);
  }

  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = Math.round(useRemPx() * ROW_REM);
  const virtualizer = useVirtualizer({ count: view.rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  const selectedIndex = selectedNodeId === null ? undefined : view.indexOf.get(selectedNodeId);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selectedNodeId === scrolledTo.current || selectedIndex === undefined) return;
    scrolledTo.current = selectedNodeId;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedNodeId, selectedIndex, virtualizer]);

  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = view.indexOf.get(focusedId ?? '') ?? selectedIndex ?? 0;

  const items = virtualizer.getVirtualItems();
  const ticking = at === null && items.some((item) => view.rows[item.index] !== undefined && isTicking(view.rows[item.index]!.node));
  const liveNow = useNow(ticking);
  const now = at ?? liveNow;

  const controlsOn = canControl && at === null;
  const availableFor = useControlsFor(client);
  const controls = useNodeControls(client, task.taskId);
  const [menu, setMenu] = useState<{ x: number; y: number; nodeId: string } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  const changeFilter = (next: TreeFilter) => {
    setFilter(next);
    setCollapsed((current) => expandTo(nodes, current, matchingIds(nodes, next)));
  };
  const toggleStatus = (status: NodeStatus) => {
    const statuses = new Set(filter.statuses);
    if (!statuses.delete(status)) statuses.add(status);
    changeFilter({ ...filter, statuses });
  };
  const toggle = useCallback((nodeId: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(nodeId)) next.add(nodeId);
      return next;
    });
  }, []);
  const toggleRow = useCallback(
    (nodeId: string) => {
      setFocusedId(nodeId);
      toggle(nodeId);
    },
    [toggle],
  );
  const select = useCallback(
    (nodeId: string) => {
      setFocusedId(nodeId);
      onSelectNode(nodeId);
    },
    [onSelectNode],
  );
  const openMenu = useCallback(
    (event: MouseEvent, nodeId: string) => {
      if (!controlsOn) return;
      event.preventDefault();
      select(nodeId);
      setMenu({ x: event.clientX, y: event.clientY, nodeId });
    },
    [controlsOn, select],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const row = view.rows[focusedIndex];
    if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && row && controlsOn) {
      event.preventDefault();
      const box = document.getElementById(rowDomId(row.node.nodeId))?.getBoundingClientRect();
      select(row.node.nodeId);
      setMenu({ x: box ? box.left + 40 : 100, y: box ? box.bottom : 100, nodeId: row.node.nodeId });
      return;
    }
    const action = treeKeyAction(event.key, view.rows, focusedIndex);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'focus') {
      setFocusedId(view.rows[action.index]!.node.nodeId);
      virtualizer.scrollToIndex(action.index, { align: 'auto' });
    } else if (action.type === 'select') select(action.nodeId);
    else toggle(action.nodeId);
  };

  const menuNode = menu ? nodes.byId.get(menu.nodeId) : undefined;
  const pick = (nodeId: string) => (control: NodeControl) => controls.ask({ control, nodeId });

  return (
    <div className="node-tree" data-testid="node-tree">
        <TreeToolbar
          counts={counts}
          statuses={filter.statuses}
          search={filter.search}
          matchCount={view.matchCount}
          replay={at !== null}
          onToggleStatus={toggleStatus}
          onSearch={(search) => changeFilter({ ...filter, search })}
          onClear={() => setFilter(NO_FILTER)}
          onExpandAll={() => setCollapsed(new Set())}
          onCollapseAll={() => setCollapsed(new Set([...allContainers(nodes)].filter((id) => nodes.byId.get(id)?.parentId !== null)))}
        />
        <div
          className="tree-grid"
          style={{ '--tree-managed-width': `${managedWidth}rem`, '--tree-node-width': `${nodeWidth}rem` } as CSSProperties}
          role="treegrid"
          aria-label={t('tree.label')}
          aria-rowcount={view.rows.length + 1}
          aria-multiselectable={false}
          aria-activedescendant={view.rows[focusedIndex] ? rowDomId(view.rows[focusedIndex].node.nodeId) : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <div role="rowgroup" className="tree-head">
            <div role="row" aria-rowindex={1} className="tree-row tree-head-row">
              <div role="columnheader" className="tree-cell">{t('tree.columns.node')}</div>
              <div role="columnheader" className="tree-cell">{t('tree.columns.load')}</div>
              <div role="columnheader" className="tree-cell">{t('tree.columns.progress')}</div>
              <div role="columnheader" className="tree-cell">{t('tree.columns.managed')}</div>
              <div role="columnheader" className="tree-cell">{t('tree.columns.batch')}</div>
              <div role="columnheader" className="tree-cell">{t('tree.columns.duration')}</div>
            </div>
          </div>
          <div ref={scrollRef} role="rowgroup" className="tree-scroll">
            {view.rows.length === 0 && <p className="tree-empty muted">{nodes.order.length === 0 ? t('tree.empty') : t('tree.noMatch')}</p>}
            <div className="tree-spacer" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const row = view.rows[item.index];
                if (!row) return null;
                const id = row.node.nodeId;
                return (
                  <TreeRow
                    key={id}
                    row={row}
                    position={item.index + 1}
                    domId={rowDomId(id)}
                    selected={id === selectedNodeId}
                    focused={item.index === focusedIndex}
                    now={isTicking(row.node) || at !== null ? now : null}
                    search={row.matched ? filter.search : ''}
                    top={item.start}
                    height={rowHeight}
                    onToggle={toggleRow}
                    onSelect={select}
                    onContextMenu={openMenu}
                  />
                );
              })}
            </div>
          </div>
        </div>
      {menu && menuNode && controlsOn && (
        <RowContextMenu x={menu.x} y={menu.y} nodeLabel={nodeLabel(menuNode)} available={availableFor(menuNode)} onPick={pick(menu.nodeId)} onClose={closeMenu} />
      )}
      <ControlLayer controls={controls} nodes={nodes} enabled={controlsOn} />
    </div>
  );
});
