import type { TaskNodes } from '../../../task-panels/task-panel';
import { visibleRows, type TreeFilter, type VisibleRows } from './visible-rows';

/**
 * visibleRows remembered for the last arguments: the nodes compare by `version` (one number,
 * not 10,000 nodes), the collapsed set and the filter by identity (they are replaced, never
 * mutated).
 */
export function createRowsMemo(): (nodes: TaskNodes, collapsed: ReadonlySet<string>, filter: TreeFilter) => VisibleRows {
  let last: { version: number; collapsed: ReadonlySet<string>; filter: TreeFilter; rows: VisibleRows } | null = null;
  return (nodes, collapsed, filter) => {
    if (last && last.version === nodes.version && last.collapsed === collapsed && last.filter === filter) return last.rows;
    const rows = visibleRows(nodes, collapsed, filter);
    last = { version: nodes.version, collapsed, filter, rows };
    return rows;
  };
}
